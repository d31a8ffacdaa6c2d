package dev.crow.platform.events.types;

/**
 * {@code member.role_changed}: a member's role changed.
 *
 * @param organizationId the organization's id
 * @param userId         the member's user id
 * @param role           the new role: owner, admin or member
 * @param previousRole   the role before, if known
 */
public record MemberRoleChanged(String organizationId, String userId, String role, String previousRole)
        implements EventPayload {
}
