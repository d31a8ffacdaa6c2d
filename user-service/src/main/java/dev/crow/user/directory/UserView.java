package dev.crow.user.directory;

import java.time.Instant;

/**
 * A user as the API shows them.
 *
 * @param id                user id
 * @param email             lower-case email
 * @param name              display name
 * @param profilePictureUrl picture URL, or {@code null}
 * @param organizationId    the organization the user is seen in, or {@code null}
 * @param role              their role there, or {@code null}
 * @param createdAt         when the user became known
 * @param updatedAt         last profile change
 */
public record UserView(String id, String email, String name, String profilePictureUrl, String organizationId,
        String role, Instant createdAt, Instant updatedAt) {

    static UserView of(Member member) {
        return new UserView(member.userId().toString(), member.email(), member.name(), member.profilePictureUrl(),
                member.organizationId().toString(), member.role().wireName(), member.createdAt(), member.updatedAt());
    }

    static UserView of(UserProfile profile) {
        return new UserView(profile.id().toString(), profile.email(), profile.name(), profile.profilePictureUrl(), null,
                null, profile.createdAt(), profile.updatedAt());
    }
}
