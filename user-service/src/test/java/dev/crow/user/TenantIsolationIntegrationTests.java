package dev.crow.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint, called by a user of organization B with organization A's ids, answers 403 and leaks nothing. */
class TenantIsolationIntegrationTests extends UserServiceTestBase {

    @Test
    void anotherOrganizationsIdsAreForbiddenEverywhere() throws Exception {
        Team a = team();
        Team b = team();
        String notificationOfA = NotificationIntegrationTests.json(get("/api/v1/notifications", a.member()).body(), "id");
        record Call(String method, String path, String body) {
        }
        List<Call> calls = List.of(
                new Call("GET", "/api/v1/users/" + a.memberId(), null),
                new Call("GET", "/api/v1/users/" + a.ownerId(), null),
                new Call("GET", "/api/v1/users/" + a.memberId() + "/permissions", null),
                new Call("PUT", "/api/v1/users/" + a.memberId() + "/permissions",
                        "{\"chat\":{\"enabled\":false,\"lookbackWindow\":1},\"interactions\":{\"enabled\":false},"
                                + "\"patterns\":{\"enabled\":false},\"teamManagement\":{\"enabled\":false},"
                                + "\"apiKeyManagement\":{\"enabled\":false}}"),
                new Call("PATCH", "/api/v1/users/" + a.memberId() + "/permissions", "{\"patterns\":{\"enabled\":false}}"),
                new Call("GET", "/api/v1/users/by-organization/" + a.organizationId(), null),
                new Call("PATCH", "/api/v1/users/" + a.memberId() + "/profile", "{\"name\":\"Hijacked\"}"),
                new Call("POST", "/api/v1/notifications/" + notificationOfA + "/read", null),
                new Call("POST", "/api/v1/notifications/send", "{\"to\":\"" + a.email("member")
                        + "\",\"template\":\"welcome\",\"data\":{\"name\":\"x\",\"signInUrl\":\"http://localhost:3000\"}}"));
        for (var caller : List.of(b.owner(), b.admin(), b.member())) {
            for (Call call : calls) {
                HttpResponse<String> response = call(call.method(), call.path(), caller, call.body());
                assertThat(response.statusCode()).as(caller.role() + " " + call.method() + " " + call.path())
                        .isEqualTo(403);
                assertThat(response.body()).doesNotContain("Mia", a.domain());
            }
        }
        HttpResponse<String> upload = http.send(request("/api/v1/users/" + a.memberId() + "/profile-picture")
                .header("Authorization", "Bearer " + dev.crow.test.TestJwts.shared().mint(b.owner()))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc\r\n--x--\r\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/users/search-email?q=member", b.owner()).body()).doesNotContain(a.domain());
        assertThat(get("/api/v1/users/" + a.memberId(), a.member()).body()).doesNotContain("Hijacked");
    }
}
