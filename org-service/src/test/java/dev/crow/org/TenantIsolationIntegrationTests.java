package dev.crow.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint, called by a user of organization B with organization A's ids, answers 403 and leaks nothing. */
class TenantIsolationIntegrationTests extends OrgServiceTestBase {

    @Test
    void anotherOrganizationsIdsAreForbiddenEverywhere() throws Exception {
        Team a = team();
        Team b = team();
        String invitation = InvitationIntegrationTests.json(call("POST", "/api/v1/organizations/" + a.organizationId()
                + "/members", a.owner(), "{\"email\":\"guest@" + a.domain() + "\",\"role\":\"member\"}").body(), "id");
        record Call(String method, String path, String body) {
        }
        String base = "/api/v1/organizations/" + a.organizationId();
        List<Call> calls = List.of(
                new Call("GET", base, null),
                new Call("GET", base + "/members", null),
                new Call("POST", base + "/members", "{\"email\":\"intruder@" + b.domain() + "\",\"role\":\"admin\"}"),
                new Call("GET", base + "/invitations", null),
                new Call("DELETE", base + "/invitations/" + invitation, null),
                new Call("POST", base + "/invitations/" + invitation + "/resend", null));
        int mailsBefore = FAKES.mails.size();
        for (var caller : List.of(b.owner(), b.admin(), b.member())) {
            for (Call call : calls) {
                HttpResponse<String> response = call(call.method(), call.path(), caller, call.body());
                assertThat(response.statusCode()).as(caller.role() + " " + call.method() + " " + call.path())
                        .isEqualTo(403);
                assertThat(response.body()).doesNotContain(a.domain());
            }
        }
        assertThat(FAKES.mails.size()).isEqualTo(mailsBefore);
        assertThat(get(base + "/invitations", a.owner()).body()).contains("\"status\":\"pending\"");
    }
}
