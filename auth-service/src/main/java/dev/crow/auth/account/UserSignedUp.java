package dev.crow.auth.account;

import java.util.UUID;

/**
 * In-process notice that someone signed up, published inside the sign-up transaction; listeners
 * act after it commits. (Cross-service events go through the platform outbox.)
 */
public record UserSignedUp(UUID userId, String email) {
}
