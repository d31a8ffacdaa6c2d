package dev.crow.auth.recovery;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to one user. {@code link} already contains {@code token}; both are secrets until
 * used or expired.
 */
public record AccountMessage(Kind kind, UUID userId, String email, String token, String link, Instant expiresAt) {

    public enum Kind {
        PASSWORD_RESET, EMAIL_VERIFICATION
    }
}
