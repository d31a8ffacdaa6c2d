package dev.crow.platform.events.types;

/**
 * {@code member.removed}: a user left or was removed from an organization.
 *
 * @param organizationId the organization's id
 * @param userId         the former member's user id
 */
public record MemberRemoved(String organizationId, String userId) implements EventPayload {
}
