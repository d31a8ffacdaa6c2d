package dev.crow.auth.organization;

import dev.crow.auth.AuthClock;
import dev.crow.auth.account.User;
import dev.crow.auth.account.Users;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import dev.crow.platform.events.CrowEvents;
import dev.crow.platform.events.types.MemberAdded;
import dev.crow.platform.events.types.OrganizationCreated;
import dev.crow.platform.events.types.OrganizationTierChanged;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write to organizations and memberships, each in one transaction with the event that
 * tells user-service and org-service about it (platform outbox: delivered after commit, never
 * lost, applied once).
 */
@Component
public class OrganizationMemberships {

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final AuthClock clock;
    private final Users users;
    private final CrowEvents events;

    OrganizationMemberships(OrganizationRepository organizations, MemberRepository members, AuthClock clock,
            Users users, CrowEvents events) {
        this.organizations = organizations;
        this.members = members;
        this.clock = clock;
        this.users = users;
        this.events = events;
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
        User owner = users.find(ownerId).orElseThrow(() -> CrowException.notFound("User"));
        events.publish(new OrganizationCreated(organization.getId().toString(), organization.getName(),
                organization.getSlug(), organization.getLogo(), organization.getTier().wireName(),
                ownerId.toString(), owner.getEmail(), owner.getName()));
        return organization;
    }

    /**
     * Adds a user to an organization (org-service asks, once an invitation is accepted or a known
     * user is invited); 404 for an unknown organization or user, 409 when already a member.
     */
    @Transactional
    Member addMember(UUID organizationId, UUID userId, MemberRole role) {
        if (role == MemberRole.OWNER) {
            throw CrowException.invalid("role");
        }
        organizations.findById(organizationId).orElseThrow(() -> CrowException.notFound("Organization"));
        User user = users.find(userId).orElseThrow(() -> CrowException.notFound("User"));
        if (members.findByOrganizationIdAndUserId(organizationId, userId).isPresent()) {
            throw CrowException.conflict("The user is already a member of this organization");
        }
        Member member = members.saveAndFlush(new Member(organizationId, userId, role, clock.now()));
        events.publish(new MemberAdded(organizationId.toString(), userId.toString(), role.wireName(),
                user.getEmail(), user.getName()));
        return member;
    }

    /**
     * Sets an organization's tier (billing calls this when a subscription changes). Custom
     * limits apply to enterprise only and are dropped for every other tier.
     */
    @Transactional
    public Membership.RateLimit changeTier(UUID organizationId, Tier tier, Membership.RateLimit rateLimit) {
        Organization organization = organizations.findById(organizationId)
                .orElseThrow(() -> CrowException.notFound("Organization"));
        Tier previous = organization.getTier();
        if (previous != tier) {
            events.publish(new OrganizationTierChanged(organizationId.toString(), tier.wireName(),
                    previous.wireName()));
        }
        organization.changeTier(tier, rateLimit == null ? null : rateLimit.perMinute(),
                rateLimit == null ? null : rateLimit.perDay(), clock.now());
        return organization.getRateLimitPerMinute() == null ? null
                : new Membership.RateLimit(organization.getRateLimitPerMinute(), organization.getRateLimitPerDay());
    }
}
