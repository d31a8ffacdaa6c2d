package dev.crow.user.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as a member of one organization.
 *
 * @param userId            the user
 * @param organizationId    the organization
 * @param email             lower-case email
 * @param name              display name
 * @param profilePictureUrl picture URL, if any
 * @param role              role in the organization
 * @param createdAt         when the user became known here
 * @param updatedAt         last profile change
 */
public record Member(UUID userId, UUID organizationId, String email, String name, String profilePictureUrl, Role role,
        Instant createdAt, Instant updatedAt) {
}
