package dev.crow.platform.events.types;

/**
 * {@code member.added}: a user joined an organization. Email and name travel along so that a
 * subscriber can show the member before (or without) the user's own {@code user.registered}.
 *
 * @param organizationId the organization's id
 * @param userId         the member's user id
 * @param role           owner, admin or member
 * @param email          the member's email
 * @param name           the member's display name
 */
public record MemberAdded(String organizationId, String userId, String role, String email, String name)
        implements EventPayload {
}
