package dev.crow.gateway.auth;

import dev.crow.gateway.observability.PrincipalKind;
import dev.crow.gateway.ratelimit.RateLimitKey;
import io.netty.util.AsciiString;

import org.springframework.web.server.ServerWebExchange;

/**
 * A principal as the gateway caches it: with everything the hot path needs already computed — the
 * {@code Authorization} and {@code X-Organization-Id} values to forward (as ASCII bytes, which Netty
 * copies into a request in one go), the kind for the access log, and its rate-limit bucket.
 */
public record ResolvedPrincipal(
        Principal principal, AsciiString authorization, AsciiString organizationId, long jwtExpiresAtEpochSecond,
        PrincipalKind kind, RateLimitKey rateLimitKey) {

    private static final String ATTRIBUTE = ResolvedPrincipal.class.getName();

    public static ResolvedPrincipal of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** The {@code Authorization} value to forward: {@code Bearer <internal JWT>}. */
    public String authorizationHeader() {
        return authorization.toString();
    }

    public void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    @Override
    public String toString() {
        return "ResolvedPrincipal[user=" + principal.userId() + ", kind=" + kind.wireName() + "]";
    }
}
