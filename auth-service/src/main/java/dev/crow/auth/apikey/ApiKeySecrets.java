package dev.crow.auth.apikey;

import dev.crow.auth.Hashes;

/**
 * The shape of API keys: {@code crow_} and 64 random letters (≈ 365 bits, Better Auth's
 * format), stored as base64url(SHA-256), displayed by their first six characters.
 */
final class ApiKeySecrets {

    static final String PREFIX = "crow_";
    static final int RANDOM_LENGTH = 64;
    static final int START_LENGTH = 6;

    private ApiKeySecrets() {
    }

    static String generate() {
        return PREFIX + Hashes.randomLetters(RANDOM_LENGTH);
    }

    static String hash(String key) {
        return Hashes.sha256(key);
    }

    static String start(String key) {
        return key.substring(0, START_LENGTH);
    }

    /** Whether a presented value could be one of our keys at all (no database lookup otherwise). */
    static boolean isWellFormed(String key) {
        if (key == null || key.length() != PREFIX.length() + RANDOM_LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
