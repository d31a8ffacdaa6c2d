/**
 * What CROW's tests share: a real PostgreSQL per test JVM with one database per Spring context,
 * internal JWTs minted against a published test key, and a per-JVM service key.
 */
package dev.crow.test;
