package dev.crow.platform.events.types;

/**
 * {@code organization.tier_changed}: the organization's plan tier changed.
 *
 * @param organizationId the organization's id
 * @param tier           the new tier: free, starter, professional or enterprise
 * @param previousTier   the tier before, if known
 */
public record OrganizationTierChanged(String organizationId, String tier, String previousTier)
        implements EventPayload {
}
