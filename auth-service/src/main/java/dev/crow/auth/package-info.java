/** auth-service: the platform's credential authority, speaking the Better Auth wire format. */
package dev.crow.auth;
