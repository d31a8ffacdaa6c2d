package dev.crow.auth.organization;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read access to memberships for the features that authorize by them (API keys, introspection). */
@Component
public class Organizations {

    private final OrganizationRepository organizations;
    private final MemberRepository members;

    Organizations(OrganizationRepository organizations, MemberRepository members) {
        this.organizations = organizations;
        this.members = members;
    }

    /** The user's membership in the organization; empty when they are not (or no longer) a member. */
    @Transactional(readOnly = true)
    public Optional<Membership> membership(UUID userId, UUID organizationId) {
        if (userId == null || organizationId == null) {
            return Optional.empty();
        }
        return members.findByOrganizationIdAndUserId(organizationId, userId)
                .flatMap(member -> organizations.findById(organizationId)
                        .map(organization -> Membership.of(organization, member)));
    }
}
