package dev.crow.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.platform.security.Permission;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PermissionIntegrationTests extends UserServiceTestBase {

    private static final String ALL = "{\"chat\":{\"enabled\":true,\"components\":[],\"lookbackWindow\":30},"
            + "\"interactions\":{\"enabled\":true},\"patterns\":{\"enabled\":true},\"teamManagement\":{\"enabled\":true},"
            + "\"apiKeyManagement\":{\"enabled\":true}}";
    private static final String MEMBER = "{\"chat\":{\"enabled\":true,\"components\":[],\"lookbackWindow\":30},"
            + "\"interactions\":{\"enabled\":true},\"patterns\":{\"enabled\":true},\"teamManagement\":{\"enabled\":false},"
            + "\"apiKeyManagement\":{\"enabled\":false}}";

    @Test
    void rolesHaveTheirDefaultsInTheReferenceShape() throws Exception {
        Team team = team();
        assertThat(get("/api/v1/users/" + team.ownerId() + "/permissions", team.owner()).body()).isEqualTo(ALL);
        assertThat(get("/api/v1/users/" + team.adminId() + "/permissions", team.admin()).body()).isEqualTo(ALL);
        assertThat(get("/api/v1/users/" + team.memberId() + "/permissions", team.member()).body()).isEqualTo(MEMBER);
        assertThat(get("/api/v1/users/" + team.memberId() + "/permissions", team.admin()).body()).isEqualTo(MEMBER);
        assertThat(get("/api/v1/users/" + team.adminId() + "/permissions", team.member()).statusCode()).isEqualTo(403);
    }

    @Test
    void adminsChangeAMembersPermissionsAndTheJwtLookupFollows() throws Exception {
        Team team = team();
        String path = "/api/v1/users/" + team.memberId() + "/permissions";
        HttpResponse<String> patched = call("PATCH", path, team.admin(),
                "{\"chat\":{\"lookbackWindow\":90,\"components\":[\"sql\",\"charts\"]},\"patterns\":{\"enabled\":false},"
                        + "\"teamManagement\":{\"enabled\":true},\"role\":\"owner\"}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).isEqualTo("{\"chat\":{\"enabled\":true,\"components\":[\"sql\",\"charts\"],"
                + "\"lookbackWindow\":90},\"interactions\":{\"enabled\":true},\"patterns\":{\"enabled\":false},"
                + "\"teamManagement\":{\"enabled\":true},\"apiKeyManagement\":{\"enabled\":false}}");
        assertThat(get(path, team.member()).body()).isEqualTo(patched.body());

        HttpResponse<String> names = internal("GET", "/internal/users/" + team.memberId() + "/permissions?organizationId="
                + team.organizationId(), null);
        assertThat(names.statusCode()).isEqualTo(200);
        assertThat(names.body()).contains("\"role\":\"member\"",
                "\"permissions\":[\"interactions\",\"interactions:ingest\",\"products\",\"chat\",\"teamManagement\"]");

        assertThat(call("PUT", path, team.owner(), MEMBER).body()).isEqualTo(MEMBER);
        assertThat(get("/api/v1/notifications", team.member()).body()).contains("permissions.changed");
    }

    @Test
    void onlyAdminsWithTeamManagementChangePermissionsAndNeverAnOwnersOrTheirOwn() throws Exception {
        Team team = team();
        String member = "/api/v1/users/" + team.memberId() + "/permissions";
        String patch = "{\"patterns\":{\"enabled\":false}}";
        assertThat(call("PATCH", member, team.member(), patch).statusCode()).isEqualTo(403);
        assertThat(call("PATCH", member, team.caller(team.adminId(), "admin", EnumSet.of(Permission.CHAT)), patch)
                .statusCode()).isEqualTo(403);
        assertThat(call("PATCH", "/api/v1/users/" + team.ownerId() + "/permissions", team.admin(), patch).statusCode())
                .isEqualTo(403);
        assertThat(call("PATCH", "/api/v1/users/" + team.adminId() + "/permissions", team.admin(), patch).statusCode())
                .isEqualTo(403);
        assertThat(call("PATCH", "/api/v1/users/" + team.adminId() + "/permissions", team.owner(), patch).statusCode())
                .isEqualTo(200);
    }

    @Test
    void roleChangeBringsTheNewRolesDefaults() throws Exception {
        Team team = team();
        call("PATCH", "/api/v1/users/" + team.memberId() + "/permissions", team.admin(), "{\"chat\":{\"enabled\":false}}");
        event("member.role_changed", "{\"organizationId\":\"" + team.organizationId() + "\",\"userId\":\""
                + team.memberId() + "\",\"role\":\"admin\",\"previousRole\":\"member\"}", team.organizationId());
        assertThat(get("/api/v1/users/" + team.memberId() + "/permissions", team.admin()).body()).isEqualTo(ALL);
    }

    @Test
    void invalidPermissionChangesAreRejected() throws Exception {
        Team team = team();
        String path = "/api/v1/users/" + team.memberId() + "/permissions";
        for (String body : new String[] {"{\"chat\":{\"lookbackWindow\":0}}", "{\"chat\":{\"lookbackWindow\":366}}",
                "{\"chat\":{\"components\":[\"<script>\"]}}", "{\"patterns\":{\"enabled\":\"maybe\"}}", "{"}) {
            assertThat(call("PATCH", path, team.admin(), body).statusCode()).as(body).isEqualTo(400);
        }
        assertThat(call("PUT", path, team.admin(), "{\"patterns\":{\"enabled\":true}}").statusCode()).isEqualTo(400);
    }

    @Test
    void internalLookupUsesTheRoleAuthServiceKnowsAndNeedsTheServiceKey() throws Exception {
        Team team = team();
        String path = "/internal/users/" + team.adminId() + "/permissions?organizationId=" + team.organizationId();
        assertThat(internal("GET", path + "&role=member", null).body()).contains("\"role\":\"member\"")
                .doesNotContain("teamManagement");
        assertThat(internal("GET", "/internal/users/" + java.util.UUID.randomUUID() + "/permissions?organizationId="
                + team.organizationId(), null).statusCode()).isEqualTo(404);
        assertThat(internal("GET", path + "&role=king", null).statusCode()).isEqualTo(400);
        assertThat(get(path, team.owner()).statusCode()).isEqualTo(401);
    }
}
