package dev.crow.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class UserDirectoryIntegrationTests extends UserServiceTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void meShowsTheCallerWithRoleInTheActiveOrganization() throws Exception {
        Team team = team();
        HttpResponse<String> me = get("/api/v1/users/me", team.member());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"" + team.memberId() + "\"", "\"email\":\"member@" + team.domain(),
                "\"name\":\"Mia Member\"", "\"role\":\"member\"", "\"organizationId\":\"" + team.organizationId());
        assertThat(get("/api/v1/users/me", team.owner()).body()).contains("\"role\":\"owner\"", "Olga Owner");
    }

    @Test
    void colleaguesAreVisibleAndListedWithPagination() throws Exception {
        Team team = team();
        assertThat(get("/api/v1/users/" + team.adminId(), team.member()).body()).contains("Adam Admin", "\"role\":\"admin\"");
        HttpResponse<String> page = get("/api/v1/users/by-organization/" + team.organizationId() + "?limit=2&page=2",
                team.member());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"pagination\":{\"page\":2,\"limit\":2,\"total\":3,\"totalPages\":2}",
                "owner@" + team.domain());
    }

    @Test
    void emailSearchIsAPrefixMatchWithinTheOrganizationAndTakesWildcardsLiterally() throws Exception {
        Team team = team();
        Team other = team();
        HttpResponse<String> found = get("/api/v1/users/search-email?q=ADM", team.owner());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("admin@" + team.domain()).doesNotContain(other.domain(), "member@");
        assertThat(get("/api/v1/users/search-email?q=%25%25", team.owner()).body()).contains("\"total\":0");
        assertThat(get("/api/v1/users/search-email?q=a_min", team.owner()).body()).contains("\"total\":0");
        assertThat(get("/api/v1/users/search-email?q=a", team.owner()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/users/search-email", team.owner()).statusCode()).isEqualTo(400);
    }

    @Test
    void membersChangeTheirOwnProfileAndAdminsChangeMembersButNotOwners() throws Exception {
        Team team = team();
        String rename = "{\"name\":\"Mia M.\"}";
        assertThat(call("PATCH", "/api/v1/users/" + team.memberId() + "/profile", team.member(), rename).body())
                .contains("\"name\":\"Mia M.\"");
        assertThat(call("PATCH", "/api/v1/users/" + team.adminId() + "/profile", team.member(), rename).statusCode())
                .isEqualTo(403);
        assertThat(call("PATCH", "/api/v1/users/" + team.memberId() + "/profile", team.admin(), "{\"name\":\"By Admin\"}")
                .statusCode()).isEqualTo(200);
        assertThat(call("PATCH", "/api/v1/users/" + team.ownerId() + "/profile", team.admin(), rename).statusCode())
                .isEqualTo(403);
        assertThat(call("PATCH", "/api/v1/users/" + team.adminId() + "/profile", team.owner(), rename).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                Integer.class, "%user.updated%" + team.memberId() + "%")).isEqualTo(2);
    }

    @Test
    void profileFieldsOutsideNameAndPictureAreIgnored() throws Exception {
        Team team = team();
        HttpResponse<String> response = call("PATCH", "/api/v1/users/" + team.memberId() + "/profile", team.member(),
                "{\"name\":\"Mia\",\"email\":\"boss@evil.example\",\"role\":\"owner\",\"organizationId\":\""
                        + UUID.randomUUID() + "\",\"id\":\"" + UUID.randomUUID() + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"email\":\"member@" + team.domain(), "\"role\":\"member\"",
                "\"id\":\"" + team.memberId() + "\"");
    }

    @Test
    void badProfileInputIsRejected() throws Exception {
        Team team = team();
        String path = "/api/v1/users/" + team.memberId() + "/profile";
        for (String body : new String[] {"{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":\"" + "x".repeat(101) + "\"}",
                "{\"profilePictureUrl\":\"javascript:alert(1)\"}", "{\"profilePictureUrl\":\"data:image/png;base64,AA\"}",
                "{\"name\":", "[]"}) {
            HttpResponse<String> response = call("PATCH", path, team.member(), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("VALIDATION_ERROR");
        }
        assertThat(get("/api/v1/users/not-a-uuid", team.member()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/users/me", null).statusCode()).isEqualTo(401);
    }

    @Test
    void lateAndReplayedEventsChangeNothing() throws Exception {
        Team team = team();
        UUID user = UUID.randomUUID();
        Instant now = Instant.now();
        UUID added = UUID.randomUUID();
        String memberAdded = "{\"organizationId\":\"" + team.organizationId() + "\",\"userId\":\"" + user
                + "\",\"role\":\"member\",\"email\":\"late@" + team.domain() + "\",\"name\":\"Newer Name\"}";
        event(added, "member.added", memberAdded, team.organizationId(), now);
        assertThat(event(added, "member.added", memberAdded, team.organizationId(), now)).contains("duplicate");
        // the registration happened before the membership but arrives after it
        event(UUID.randomUUID(), "user.registered", "{\"userId\":\"" + user + "\",\"email\":\"late@" + team.domain()
                + "\",\"name\":\"Older Name\"}", null, now.minusSeconds(60));
        assertThat(get("/api/v1/users/" + user, team.member()).body()).contains("Newer Name");

        event(UUID.randomUUID(), "member.removed", "{\"organizationId\":\"" + team.organizationId() + "\",\"userId\":\""
                + user + "\"}", team.organizationId(), now.plusSeconds(10));
        event(UUID.randomUUID(), "member.added", memberAdded, team.organizationId(), now.plusSeconds(5));
        assertThat(get("/api/v1/users/" + user, team.member()).statusCode()).isEqualTo(403);
    }
}
