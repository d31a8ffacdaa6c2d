/** Credentials a client presents, their resolution to a cached principal through auth-service, and the client's address. */
package dev.crow.gateway.auth;
