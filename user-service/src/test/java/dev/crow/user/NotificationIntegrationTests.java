package dev.crow.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class NotificationIntegrationTests extends UserServiceTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void internalInvitationIsDeliveredOverSmtpAndItsTokenIsNotKept() throws Exception {
        Team team = team();
        String to = "newcomer@" + team.domain();
        HttpResponse<String> queued = internal("POST", "/internal/notifications/send", "{\"to\":\"" + to
                + "\",\"template\":\"invitation\",\"organizationId\":\"" + team.organizationId() + "\",\"data\":{"
                + "\"organizationName\":\"Acme <b>Labs</b>\",\"inviterName\":\"Olga\",\"role\":\"member\","
                + "\"acceptUrl\":\"http://localhost:3000/invitations/accept?token=tok123\"}}");
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(queued.body()).contains("\"status\":\"queued\"");

        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> delivered(to), Optional::isPresent).get();
        assertThat(mail.getSubject()).isEqualTo("Olga invited you to Acme <b>Labs</b> on CROW");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("http://localhost:3000/invitations/accept?token=tok123", "Acme &lt;b&gt;Labs&lt;/b&gt;");

        String id = json(queued.body(), "id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(jdbc.queryForObject(
                "select status from email_message where id = ?::uuid", String.class, id)));
        assertThat(jdbc.queryForMap("select body_text, body_html, attempts from email_message where id = ?::uuid", id))
                .containsEntry("body_text", null).containsEntry("body_html", null).containsEntry("attempts", 1);
    }

    @Test
    void adminsMailMembersOfTheirOrganizationOnly() throws Exception {
        Team team = team();
        Team other = team();
        String welcome = "\"template\":\"welcome\",\"data\":{\"name\":\"Mia\",\"signInUrl\":\"http://localhost:3000/sign-in\"}";
        HttpResponse<String> sent = call("POST", "/api/v1/notifications/send", team.admin(),
                "{\"to\":\"" + team.email("member") + "\"," + welcome + "}");
        assertThat(sent.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(team.email("member")).isPresent());

        assertThat(call("POST", "/api/v1/notifications/send", team.admin(),
                "{\"to\":\"" + other.email("member") + "\"," + welcome + "}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/notifications/send", team.member(),
                "{\"to\":\"" + team.email("admin") + "\"," + welcome + "}").statusCode()).isEqualTo(403);
    }

    @Test
    void badMailRequestsAreRejected() throws Exception {
        Team team = team();
        String to = "\"to\":\"" + team.email("member") + "\"";
        for (String body : new String[] {
                "{" + to + ",\"template\":\"ransom-note\",\"data\":{}}",
                "{" + to + ",\"template\":\"welcome\",\"data\":{\"name\":\"Mia\"}}",
                "{" + to + ",\"template\":\"welcome\",\"data\":{\"name\":\"Mia\",\"signInUrl\":\"https://evil.example/x\"}}",
                "{" + to + ",\"template\":\"welcome\",\"data\":{\"name\":{\"nested\":1},\"signInUrl\":\"http://localhost:3000\"}}",
                "{\"to\":\"not-an-email\",\"template\":\"welcome\",\"data\":{}}",
                "{\"template\":\"welcome\"}"}) {
            HttpResponse<String> response = call("POST", "/api/v1/notifications/send", team.admin(), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("VALIDATION_ERROR");
        }
        assertThat(internal("POST", "/internal/notifications/send", "{\"to\":\"x@y.example\",\"template\":\"nope\"}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void membersReadTheirInAppNotifications() throws Exception {
        Team team = team();
        HttpResponse<String> list = get("/api/v1/notifications", team.member());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"type\":\"member.added\"", "\"read\":false", "\"total\":1");
        String id = json(list.body(), "id");

        assertThat(call("POST", "/api/v1/notifications/" + id + "/read", team.admin(), null).statusCode()).isEqualTo(403);
        HttpResponse<String> read = call("POST", "/api/v1/notifications/" + id + "/read", team.member(), null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"read\":true");

        event("member.role_changed", "{\"organizationId\":\"" + team.organizationId() + "\",\"userId\":\""
                + team.memberId() + "\",\"role\":\"admin\"}", team.organizationId());
        assertThat(call("POST", "/api/v1/notifications/read-all", team.member(), null).body()).isEqualTo("{\"updated\":1}");
        assertThat(call("POST", "/api/v1/notifications/" + java.util.UUID.randomUUID() + "/read", team.member(), null)
                .statusCode()).isEqualTo(404);
    }

    private static Optional<MimeMessage> delivered(String to) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst();
    }

    static String json(String body, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }
}
