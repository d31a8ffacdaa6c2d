package dev.crow.auth.organization;

import dev.crow.platform.security.Permission;
import java.util.Set;
import java.util.UUID;

/**
 * A user's standing in one organization, as other features need it: role, what the role
 * permits, and the organization's tier and custom rate limits.
 *
 * @param rateLimit the organization's own limits (enterprise), or {@code null} to use the tier's
 */
public record Membership(UUID organizationId, UUID userId, MemberRole role, Tier tier, RateLimit rateLimit) {

    public Set<Permission> permissions() {
        return role.permissions();
    }

    /** Custom per-organization limits. */
    public record RateLimit(int perMinute, long perDay) {
    }

    static Membership of(Organization organization, Member member) {
        RateLimit limit = organization.getRateLimitPerMinute() != null && organization.getRateLimitPerDay() != null
                ? new RateLimit(organization.getRateLimitPerMinute(), organization.getRateLimitPerDay())
                : null;
        return new Membership(organization.getId(), member.getUserId(), member.getRole(), organization.getTier(), limit);
    }
}
