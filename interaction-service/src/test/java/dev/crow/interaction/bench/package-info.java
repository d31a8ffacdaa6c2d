/** Benchmark harness: the service with a real PostgreSQL and a local key set, for bench/interactions. */
package dev.crow.interaction.bench;
