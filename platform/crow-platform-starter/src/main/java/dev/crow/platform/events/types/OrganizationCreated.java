package dev.crow.platform.events.types;

/**
 * {@code organization.created}: auth-service created an organization; its creator is its owner
 * (subscribers record that membership from this event, no separate {@code member.added} is needed).
 *
 * @param organizationId the organization's id
 * @param name           display name
 * @param slug           unique URL slug
 * @param logo           logo URL, if any
 * @param tier           plan tier: free, starter, professional or enterprise
 * @param ownerUserId    the user who created it
 * @param ownerEmail     the owner's email
 * @param ownerName      the owner's display name
 */
public record OrganizationCreated(String organizationId, String name, String slug, String logo, String tier,
        String ownerUserId, String ownerEmail, String ownerName) implements EventPayload {
}
