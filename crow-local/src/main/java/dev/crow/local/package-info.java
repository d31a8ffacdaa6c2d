/**
 * The one-command local platform: secrets, an embedded or external PostgreSQL with one role and
 * schema per service, and every built service started as a child process and awaited on its
 * health endpoint.
 */
package dev.crow.local;
