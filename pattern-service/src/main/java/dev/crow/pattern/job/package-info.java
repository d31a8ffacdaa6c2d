/**
 * Mining jobs: a queue in the database that workers claim with {@code FOR UPDATE SKIP LOCKED},
 * heartbeats that let another instance take over a dead worker's job, and the API to start
 * one and follow its progress.
 */
package dev.crow.pattern.job;
