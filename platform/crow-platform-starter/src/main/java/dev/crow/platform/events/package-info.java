/**
 * Events between services: a transactional outbox on Spring Modulith's event publication registry,
 * delivery over HTTP with retries and backoff, and an idempotent inbox on the subscriber side.
 */
package dev.crow.platform.events;
