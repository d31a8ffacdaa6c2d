package dev.crow.gateway.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** auth-service's answer for a valid credential: the principal and an internal JWT for it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record IntrospectionResponse(Principal principal, String jwt, long jwtExpiresAt) {
}
