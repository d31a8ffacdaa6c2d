package dev.crow.gateway.observability;

/** How the caller of a request was identified, as written to the access log and metrics. */
public enum PrincipalKind {
    PUBLIC("public"), SESSION("session"), API_KEY("api_key");

    private final String wireName;

    PrincipalKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
