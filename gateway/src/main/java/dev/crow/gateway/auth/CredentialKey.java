package dev.crow.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The principal cache's key: SHA-256 of the credential, so the cache never holds a usable secret.
 * Computed once per request; four longs compare faster than strings.
 */
record CredentialKey(long a, long b, long c, long d) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    });

    static CredentialKey of(Credential credential) {
        MessageDigest digest = SHA_256.get();
        digest.update((byte) credential.type().ordinal());
        byte[] hash = digest.digest(credential.value().getBytes(StandardCharsets.UTF_8));
        return new CredentialKey(longAt(hash, 0), longAt(hash, 8), longAt(hash, 16), longAt(hash, 24));
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }
}
