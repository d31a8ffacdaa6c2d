package dev.crow.auth.organization;

import dev.crow.auth.AuthClock;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write to organizations and memberships, each in one transaction. A later change
 * publishes organization events through the platform outbox from here, in the same transaction.
 */
@Component
public class OrganizationMemberships {

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final AuthClock clock;

    OrganizationMemberships(OrganizationRepository organizations, MemberRepository members, AuthClock clock) {
        this.organizations = organizations;
        this.members = members;
        this.clock = clock;
    }

    /** A new organization (tier free) with its creator as owner; 400 {@code ORGANIZATION_ALREADY_EXISTS} for a taken slug. */
    @Transactional
    Organization create(UUID ownerId, NewOrganization request, String metadata) {
        if (organizations.existsBySlug(request.slug())) {
            throw new CrowException(ErrorKind.VALIDATION, "ORGANIZATION_ALREADY_EXISTS", "Organization already exists");
        }
        Organization organization = new Organization(request.name(), request.slug(), request.logo(), metadata,
                clock.now());
        organizations.saveAndFlush(organization);
        members.saveAndFlush(new Member(organization.getId(), ownerId, MemberRole.OWNER, clock.now()));
        return organization;
    }

    /**
     * Sets an organization's tier (billing calls this when a subscription changes). Custom
     * limits apply to enterprise only and are dropped for every other tier.
     */
    @Transactional
    public Membership.RateLimit changeTier(UUID organizationId, Tier tier, Membership.RateLimit rateLimit) {
        Organization organization = organizations.findById(organizationId)
                .orElseThrow(() -> CrowException.notFound("Organization"));
        organization.changeTier(tier, rateLimit == null ? null : rateLimit.perMinute(),
                rateLimit == null ? null : rateLimit.perDay(), clock.now());
        return organization.getRateLimitPerMinute() == null ? null
                : new Membership.RateLimit(organization.getRateLimitPerMinute(), organization.getRateLimitPerDay());
    }
}
