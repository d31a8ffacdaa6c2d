package dev.crow.platform.events.types;

/**
 * {@code user.registered}: auth-service created an account (sign-up).
 *
 * @param userId the user's id
 * @param email  lower-case email address
 * @param name   display name
 * @param image  profile picture URL, if any
 */
public record UserRegistered(String userId, String email, String name, String image) implements EventPayload {
}
