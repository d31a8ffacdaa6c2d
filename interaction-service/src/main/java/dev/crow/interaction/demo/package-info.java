/**
 * Demo data: a deterministic synthetic interaction generator with known planted patterns, and the
 * internal endpoint that loads it for an organization. The generator classes depend on nothing
 * else in the service, so pattern-service tests can use them from the {@code synthetic} jar.
 */
package dev.crow.interaction.demo;
