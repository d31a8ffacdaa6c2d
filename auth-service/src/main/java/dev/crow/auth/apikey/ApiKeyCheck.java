package dev.crow.auth.apikey;

import dev.crow.platform.security.Permission;
import java.util.Set;
import java.util.UUID;

/**
 * The outcome of checking a presented API key.
 *
 * @param failure why it is not usable, or {@code null} when it is
 * @param key     the key's details when it is usable, else {@code null}
 */
public record ApiKeyCheck(Failure failure, Valid key) {

    /** Better Auth's verify codes. Unknown and revoked (deleted) keys are indistinguishable. */
    public enum Failure {
        INVALID_API_KEY("Invalid API key."),
        KEY_DISABLED("API key is disabled."),
        KEY_EXPIRED("API key has expired.");

        private final String message;

        Failure(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** A usable key: who it acts for, where, with what, and its wire view. */
    public record Valid(UUID id, UUID userId, UUID organizationId, Set<Permission> permissions, ApiKeyView view) {
    }

    public boolean valid() {
        return failure == null;
    }

    static ApiKeyCheck failed(Failure failure) {
        return new ApiKeyCheck(failure, null);
    }
}
