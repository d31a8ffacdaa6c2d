package dev.crow.gateway.auth;

/** How a credential arrived, in the wire names of the introspection contract. */
public enum CredentialType {
    COOKIE("cookie"), BEARER("bearer"), API_KEY("api_key");

    private final String wireName;

    CredentialType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
