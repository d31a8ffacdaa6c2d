package dev.crow.platform.events.types;

/**
 * {@code organization.updated}: name, slug or logo changed (full new state).
 *
 * @param organizationId the organization's id
 * @param name           display name
 * @param slug           unique URL slug
 * @param logo           logo URL, if any
 */
public record OrganizationUpdated(String organizationId, String name, String slug, String logo)
        implements EventPayload {
}
