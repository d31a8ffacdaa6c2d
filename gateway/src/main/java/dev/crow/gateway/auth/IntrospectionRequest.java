package dev.crow.gateway.auth;

/** The body of {@code POST /internal/auth/introspect}. */
record IntrospectionRequest(String type, String credential) {
}
