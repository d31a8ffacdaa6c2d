package dev.crow.gateway.auth;

/**
 * What a client presented to prove who it is. {@code value} is as the client sent it (a cookie
 * still URL-encoded); it is never logged and {@link #toString()} does not show it.
 */
public record Credential(CredentialType type, String value) {

    @Override
    public String toString() {
        return "Credential[" + type.wireName() + "]";
    }
}
