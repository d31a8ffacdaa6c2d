package dev.crow.platform.events.types;

/**
 * {@code user.updated}: a user's name, email or picture changed. Carries the full new state, so
 * applying the latest one is enough.
 *
 * @param userId the user's id
 * @param email  lower-case email address
 * @param name   display name
 * @param image  profile picture URL, if any
 */
public record UserUpdated(String userId, String email, String name, String image) implements EventPayload {
}
