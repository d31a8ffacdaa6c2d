package dev.crow.platform.security;

/** How the caller behind a request authenticated at the gateway. */
public enum AuthMethod {
    SESSION("session"),
    API_KEY("api_key"),
    /** Another CROW service calling an internal endpoint with the service key. */
    SERVICE("service");

    private final String claim;

    AuthMethod(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static AuthMethod fromClaim(String claim) {
        for (AuthMethod method : values()) {
            if (method.claim.equals(claim)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown auth method");
    }
}
