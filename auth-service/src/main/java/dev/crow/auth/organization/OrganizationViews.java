package dev.crow.auth.organization;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Better Auth's organization and member objects. */
final class OrganizationViews {

    private OrganizationViews() {
    }

    record OrganizationView(String id, String name, String slug, String logo, Instant createdAt,
            Map<String, Object> metadata) {

        static OrganizationView of(Organization organization, Map<String, Object> metadata) {
            return new OrganizationView(organization.getId().toString(), organization.getName(),
                    organization.getSlug(), organization.getLogo(), organization.getCreatedAt(), metadata);
        }
    }

    /** What create and set-active answer: the organization with its members. */
    record FullOrganizationView(String id, String name, String slug, String logo, Instant createdAt,
            Map<String, Object> metadata, List<MemberView> members) {

        static FullOrganizationView of(Organization organization, Map<String, Object> metadata, List<Member> members) {
            return new FullOrganizationView(organization.getId().toString(), organization.getName(),
                    organization.getSlug(), organization.getLogo(), organization.getCreatedAt(), metadata,
                    members.stream().map(MemberView::of).toList());
        }
    }

    record MemberView(String id, String organizationId, String userId, String role, Instant createdAt) {

        static MemberView of(Member member) {
            return new MemberView(member.getId().toString(), member.getOrganizationId().toString(),
                    member.getUserId().toString(), member.getRole().wireName(), member.getCreatedAt());
        }
    }
}
