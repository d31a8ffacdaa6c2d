package dev.crow.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.platform.security.Permission;
import dev.crow.test.TestServiceKeys;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class InvitationIntegrationTests extends OrgServiceTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void knownUserIsAddedThroughAuthServiceAtOnce() throws Exception {
        Team team = team();
        UUID colleague = registered("colleague@" + team.domain(), "Carl Colleague");
        int before = FAKES.auth.size();
        HttpResponse<String> invited = invite(team, team.admin(), "Colleague@" + team.domain(), "member");
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(invited.body()).contains("\"status\":\"added\"", "Carl Colleague");

        FakeServices.Received call = FAKES.auth.get(before);
        assertThat(call.path()).isEqualTo("/internal/auth/organizations/" + team.organizationId() + "/members");
        assertThat(call.serviceKey()).isEqualTo(TestServiceKeys.serviceKey());
        assertThat(call.body()).contains("\"userId\":\"" + colleague + "\"", "\"role\":\"member\"");
        assertThat(get("/api/v1/organizations/" + team.organizationId() + "/members", team.member()).body())
                .contains("Carl Colleague", "\"total\":4");
        assertThat(invite(team, team.admin(), "colleague@" + team.domain(), "member").statusCode()).isEqualTo(409);
    }

    @Test
    void newEmailGetsAOneTimeInvitationThatMakesTheSignedUpUserAMember() throws Exception {
        Team team = team();
        String email = "newbie@" + team.domain();
        HttpResponse<String> invited = invite(team, team.owner(), email, "admin");
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(invited.body()).contains("\"status\":\"invited\"", "\"email\":\"" + email + "\"",
                "\"status\":\"pending\"").doesNotContain("token");
        String token = lastToken(email);
        assertThat(jdbc.queryForObject("select count(*) from invitation where token_hash = ?", Integer.class, token))
                .isZero();

        UUID newbie = registered(email, "Nina Newbie");
        int before = FAKES.auth.size();
        HttpResponse<String> accepted = call("POST", "/api/v1/organizations/invitations/accept", signedIn(newbie),
                "{\"token\":\"" + token + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"organizationId\":\"" + team.organizationId(), "\"role\":\"admin\"");
        assertThat(FAKES.auth.get(before).body()).contains("\"userId\":\"" + newbie + "\"", "\"role\":\"admin\"");
        assertThat(get("/api/v1/organizations/" + team.organizationId() + "/members", team.member()).body())
                .contains("Nina Newbie");

        assertThat(call("POST", "/api/v1/organizations/invitations/accept", signedIn(newbie),
                "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/organizations/" + team.organizationId() + "/invitations", team.admin()).body())
                .contains("\"status\":\"accepted\"");
    }

    @Test
    void invitationIsOnlyForTheInvitedEmailAndNotAfterItExpires() throws Exception {
        Team team = team();
        String email = "picky@" + team.domain();
        invite(team, team.admin(), email, "member");
        String token = lastToken(email);
        UUID stranger = registered("stranger@" + team.domain(), "Sam Stranger");
        assertThat(call("POST", "/api/v1/organizations/invitations/accept", signedIn(stranger),
                "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(403);

        jdbc.update("update invitation set expires_at = now() - interval '1 minute' where lower(email) = ?", email);
        UUID invitee = registered(email, "Pia Picky");
        assertThat(call("POST", "/api/v1/organizations/invitations/accept", signedIn(invitee),
                "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/organizations/" + team.organizationId() + "/invitations", team.admin()).body())
                .contains("\"status\":\"expired\"");
        assertThat(call("POST", "/api/v1/organizations/invitations/accept", signedIn(invitee),
                "{\"token\":\"made-up\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void revokedInvitationStopsWorkingAndResendReplacesTheToken() throws Exception {
        Team team = team();
        String email = "twice@" + team.domain();
        String id = json(invite(team, team.admin(), email, "member").body(), "id");
        String first = lastToken(email);

        HttpResponse<String> resent = call("POST", "/api/v1/organizations/" + team.organizationId() + "/invitations/"
                + id + "/resend", team.admin(), null);
        assertThat(resent.statusCode()).isEqualTo(200);
        String second = lastToken(email);
        assertThat(second).isNotEqualTo(first);

        UUID invitee = registered(email, "Tom Twice");
        assertThat(call("POST", "/api/v1/organizations/invitations/accept", signedIn(invitee),
                "{\"token\":\"" + first + "\"}").statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/organizations/" + team.organizationId() + "/invitations/" + id, team.admin(),
                null).statusCode()).isEqualTo(204);
        assertThat(call("POST", "/api/v1/organizations/invitations/accept", signedIn(invitee),
                "{\"token\":\"" + second + "\"}").statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/organizations/" + team.organizationId() + "/invitations/" + id, team.admin(),
                null).statusCode()).isEqualTo(409);
        assertThat(call("DELETE", "/api/v1/organizations/" + team.organizationId() + "/invitations/" + UUID.randomUUID(),
                team.admin(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyOwnersAndAdminsWithTeamManagementInvite() throws Exception {
        Team team = team();
        assertThat(invite(team, team.member(), "x@" + team.domain(), "member").statusCode()).isEqualTo(403);
        assertThat(invite(team, team.caller(team.adminId(), "admin", EnumSet.of(Permission.CHAT)), "x@" + team.domain(),
                "member").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/organizations/" + team.organizationId() + "/invitations", team.member()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void badInvitationsAreRejectedAndExtraFieldsIgnored() throws Exception {
        Team team = team();
        String path = "/api/v1/organizations/" + team.organizationId() + "/members";
        for (String body : new String[] {"{\"email\":\"x@" + team.domain() + "\",\"role\":\"owner\"}",
                "{\"email\":\"not-an-email\",\"role\":\"member\"}", "{\"role\":\"member\"}", "{\"email\":\"a@b.co\"}",
                "{\"email\":\"" + "a".repeat(250) + "@b.co\",\"role\":\"member\"}", "nope"}) {
            HttpResponse<String> response = call("POST", path, team.owner(), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("VALIDATION_ERROR");
        }
        HttpResponse<String> extra = call("POST", path, team.owner(), "{\"email\":\"extra@" + team.domain()
                + "\",\"role\":\"member\",\"organizationId\":\"" + UUID.randomUUID() + "\",\"status\":\"accepted\","
                + "\"invitedBy\":\"" + UUID.randomUUID() + "\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
        assertThat(extra.statusCode()).isEqualTo(201);
        assertThat(extra.body()).contains("\"organizationId\":\"" + team.organizationId(), "\"status\":\"pending\"",
                "\"invitedBy\":\"" + team.ownerId()).doesNotContain("2099");
        assertThat(call("POST", path, team.owner(), "{\"email\":\"extra@" + team.domain() + "\",\"role\":\"member\"}")
                .statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/organizations/invitations/accept", team.member(), "{}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void unavailableAuthOrUserServiceChangesNothing() throws Exception {
        Team team = team();
        registered("known@" + team.domain(), "Kim Known");
        FAKES.authStatus.set(503);
        assertThat(invite(team, team.admin(), "known@" + team.domain(), "member").statusCode()).isEqualTo(503);
        assertThat(get("/api/v1/organizations/" + team.organizationId() + "/members", team.member()).body())
                .doesNotContain("Kim Known");

        FAKES.mailStatus.set(500);
        assertThat(invite(team, team.admin(), "unmailed@" + team.domain(), "member").statusCode()).isEqualTo(503);
        assertThat(jdbc.queryForObject("select count(*) from invitation where email = ?", Integer.class,
                "unmailed@" + team.domain())).isZero();
    }

    private HttpResponse<String> invite(Team team, dev.crow.platform.security.CallerContext caller, String email,
            String role) throws Exception {
        return call("POST", "/api/v1/organizations/" + team.organizationId() + "/members", caller,
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
    }

    /** The token from the accept link of the newest invitation mail to {@code email}. */
    private static String lastToken(String email) {
        for (int i = FAKES.mails.size() - 1; i >= 0; i--) {
            FakeServices.Received mail = FAKES.mails.get(i);
            if (mail.body().contains("\"to\":\"" + email + "\"")) {
                assertThat(mail.body()).contains("\"template\":\"invitation\"");
                Matcher link = Pattern.compile("invitations/accept\\?token=([A-Za-z0-9_%-]+)").matcher(mail.body());
                assertThat(link.find()).isTrue();
                return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no invitation mail to " + email);
    }

    static String json(String body, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }
}
