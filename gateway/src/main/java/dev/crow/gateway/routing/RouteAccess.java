package dev.crow.gateway.routing;

/** What the gateway demands of a request before forwarding it, decided by path alone. */
enum RouteAccess {
    /** {@code /internal/**}, unknown paths and non-canonical paths: answered 404 here. */
    NOT_ROUTED,
    /** A principal is required; its JWT replaces the client's credential. */
    PROTECTED,
    /** No credential needed; none is forwarded. Limited per principal when one is presented, else per address. */
    PUBLIC,
    /** auth-service authenticates these itself: the client's Cookie and Authorization pass unchanged. */
    AUTH,
    /** Like {@link #AUTH}, under the stricter per-address limit of sign-in and its kin. */
    AUTH_STRICT,
    /** The payment provider's webhook: public, under its own per-address limit. */
    WEBHOOK,
    /** Swagger UI and OpenAPI documents: public, under their own per-address limit. */
    DOCS;

    boolean forwardsClientCredentials() {
        return this == AUTH || this == AUTH_STRICT;
    }
}
