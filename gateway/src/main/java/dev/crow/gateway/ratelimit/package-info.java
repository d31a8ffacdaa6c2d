/** Per-tier request budgets (per minute and per day) held in memory or shared in Redis with Bucket4j. */
package dev.crow.gateway.ratelimit;
