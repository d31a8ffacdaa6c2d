package dev.crow.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrganizationIntegrationTests extends OrgServiceTestBase {

    @Test
    void membersSeeTheirOrganizationWithTierAndMemberCount() throws Exception {
        Team team = team();
        HttpResponse<String> organization = get("/api/v1/organizations/" + team.organizationId(), team.member());
        assertThat(organization.statusCode()).isEqualTo(200);
        assertThat(organization.body()).contains("\"name\":\"Org " + team.domain(), "\"tier\":\"starter\"",
                "\"memberCount\":3");

        event("organization.tier_changed", "{\"organizationId\":\"" + team.organizationId()
                + "\",\"tier\":\"professional\",\"previousTier\":\"starter\"}", team.organizationId());
        event("organization.updated", "{\"organizationId\":\"" + team.organizationId() + "\",\"name\":\"Renamed\","
                + "\"slug\":\"renamed\"}", team.organizationId());
        assertThat(get("/api/v1/organizations/" + team.organizationId(), team.member()).body())
                .contains("\"name\":\"Renamed\"", "\"tier\":\"professional\"");
    }

    @Test
    void membersAreListedWithPaginationAndFollowRoleChangesAndRemovals() throws Exception {
        Team team = team();
        HttpResponse<String> page = get("/api/v1/organizations/" + team.organizationId() + "/members?limit=2",
                team.member());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"pagination\":{\"page\":1,\"limit\":2,\"total\":3,\"totalPages\":2}",
                "owner@" + team.domain(), "\"role\":\"owner\"");

        event("member.role_changed", "{\"organizationId\":\"" + team.organizationId() + "\",\"userId\":\""
                + team.memberId() + "\",\"role\":\"admin\"}", team.organizationId());
        event("member.removed", "{\"organizationId\":\"" + team.organizationId() + "\",\"userId\":\"" + team.adminId()
                + "\"}", team.organizationId());
        String all = get("/api/v1/organizations/" + team.organizationId() + "/members", team.owner()).body();
        assertThat(all).contains("\"total\":2").doesNotContain("Adam Admin");
        assertThat(all).contains("\"name\":\"Mia Member\",\"image\":null,\"role\":\"admin\"");
    }

    @Test
    void profileChangesFromUserServiceShowInTheMemberList() throws Exception {
        Team team = team();
        event("user.updated", "{\"userId\":\"" + team.memberId() + "\",\"email\":\"member@" + team.domain()
                + "\",\"name\":\"Mia Renamed\",\"image\":\"https://cdn.example.com/p.png\"}", null);
        event(UUID.randomUUID(), "user.updated", "{\"userId\":\"" + team.memberId() + "\",\"email\":\"member@"
                + team.domain() + "\",\"name\":\"Stale Name\"}", null, Instant.now().minusSeconds(3600));
        assertThat(get("/api/v1/organizations/" + team.organizationId() + "/members", team.owner()).body())
                .contains("Mia Renamed", "https://cdn.example.com/p.png").doesNotContain("Stale Name");
    }

    @Test
    void badIdsAreRejectedAndUnknownOrganizationsAreNotFound() throws Exception {
        Team team = team();
        assertThat(get("/api/v1/organizations/not-a-uuid", team.member()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/organizations/" + team.organizationId() + "/members?page=0", team.member()).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/organizations/" + team.organizationId(), null).statusCode()).isEqualTo(401);
        UUID fresh = UUID.randomUUID();
        var caller = new dev.crow.platform.security.CallerContext(UUID.randomUUID().toString(), fresh.toString(), "owner",
                ADMIN_PERMS, "free", dev.crow.platform.security.AuthMethod.SESSION, null);
        assertThat(get("/api/v1/organizations/" + fresh, caller).statusCode()).isEqualTo(404);
    }
}
