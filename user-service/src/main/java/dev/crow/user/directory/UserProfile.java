package dev.crow.user.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's profile as user-service keeps it.
 *
 * @param id                the user id (auth-service's)
 * @param email             lower-case email
 * @param name              display name
 * @param profilePictureUrl picture URL, if any
 * @param pictureKey        object key of a picture uploaded here, if any
 * @param createdAt         when the user became known here
 * @param updatedAt         last change
 */
public record UserProfile(UUID id, String email, String name, String profilePictureUrl, String pictureKey,
        Instant createdAt, Instant updatedAt) {
}
