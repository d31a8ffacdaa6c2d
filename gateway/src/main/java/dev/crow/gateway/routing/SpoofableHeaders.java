package dev.crow.gateway.routing;

/**
 * Header names a client must not be able to send to a service: they carry identity, organization,
 * internal secrets or forwarding claims that only the gateway may set. Matching is case-insensitive
 * and allocation-free.
 */
final class SpoofableHeaders {

    private static final String[] CREDENTIALS = {"authorization", "cookie", "x-api-key", "apikey"};
    private static final String[] API_KEY_HEADERS = {"x-api-key", "apikey"};
    private static final String[] EXACT = {"x-organization-id", "x-user-id", "x-service-api-key", "forwarded",
            "x-real-ip", "x-request-id", "x-client-ip", "true-client-ip", "x-role", "x-roles", "x-permissions",
            "x-tier", "x-caller", "x-session-id"};
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and others that describe one connection, never the request. */
    private static final String[] HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "proxy-authorization", "proxy-authenticate", "proxy-connection", "upgrade", "x-application-context"};
    private static final String[] PREFIXES = {"x-internal-", "x-forwarded-", "x-user-", "x-organization-", "x-org-",
            "x-auth-", "x-principal-", "x-service-", "x-crow-", "x-tenant-", "x-jwt"};

    private SpoofableHeaders() {
    }

    static boolean isCredential(String name) {
        return matchesAny(name, CREDENTIALS);
    }

    static boolean isApiKeyHeader(String name) {
        return matchesAny(name, API_KEY_HEADERS);
    }

    static boolean isHopByHop(String name) {
        return matchesAny(name, HOP_BY_HOP);
    }

    static boolean isSpoofable(String name) {
        if (matchesAny(name, EXACT)) {
            return true;
        }
        if (name.length() < 3 || (name.charAt(0) | 0x20) != 'x' || name.charAt(1) != '-') {
            return false;
        }
        for (String prefix : PREFIXES) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(String name, String[] candidates) {
        for (String candidate : candidates) {
            if (candidate.length() == name.length() && candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
