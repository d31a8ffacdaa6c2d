package dev.crow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Organizations and people across auth-service, org-service and user-service, through the
 * gateway, with the events between them and real SMTP delivery (issue: organizations and people).
 */
class TeamEndToEndIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");
    private static E2EPlatform platform;
    private static String gateway;

    @BeforeAll
    static void platform() {
        platform = E2EPlatform.get();
        gateway = platform.gateway();
    }

    @Test
    void anInvitedColleagueJoinsGetsMemberPermissionsAndAnAdminChangesThem() throws Exception {
        Accounts.Owner owner = Accounts.owner(gateway);
        String organization = "/api/v1/organizations/" + owner.organizationId();
        eventually("org-service learns the organization", () -> owner.browser().get(organization).status() == 200);
        JsonNode profile = owner.browser().get(organization).json();
        assertThat(profile.path("tier").asString()).isEqualTo("free");
        assertThat(profile.path("memberCount").asInt()).isEqualTo(1);

        String colleagueEmail = Accounts.uniqueEmail("grace");
        // the inviter's own account reaches org-service by event; until then an invite is a 409
        eventually("the owner can invite", () -> owner.browser().post(organization + "/members",
                Map.of("email", colleagueEmail, "role", "member")).status() / 100 == 2);

        String token = invitationToken(colleagueEmail);
        Client colleague = Accounts.signUp(new Client(gateway), "Grace Colleague", colleagueEmail);
        String colleagueId = colleague.get("/api/v1/auth/get-session").json().path("user").path("id").asString();
        Client.Response accepted = colleague.post("/api/v1/organizations/invitations/accept", Map.of("token", token));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(colleague.post("/api/v1/auth/organization/set-active",
                Map.of("organizationId", owner.organizationId())).status()).isEqualTo(200);

        eventually("the colleague appears among the members", () ->
                owner.browser().get(organization + "/members").body().contains(colleagueId));
        eventually("the colleague appears in the user directory", () ->
                owner.browser().get("/api/v1/users/by-organization/" + owner.organizationId()).body()
                        .contains(colleagueEmail.toLowerCase()));

        JsonNode permissions = colleague.get("/api/v1/users/" + colleagueId + "/permissions").json();
        assertThat(permissions.path("interactions").path("enabled").asBoolean()).isTrue();
        assertThat(permissions.path("patterns").path("enabled").asBoolean()).isTrue();
        assertThat(permissions.path("chat").path("lookbackWindow").asInt()).isEqualTo(30);
        assertThat(permissions.path("teamManagement").path("enabled").asBoolean()).isFalse();
        assertThat(permissions.path("apiKeyManagement").path("enabled").asBoolean()).isFalse();

        Client.Response memberTriesToInvite = colleague.post(organization + "/members",
                Map.of("email", Accounts.uniqueEmail("someone"), "role", "member"));
        assertThat(memberTriesToInvite.status()).isEqualTo(403);

        Client.Response changed = owner.browser().send("PATCH", "/api/v1/users/" + colleagueId + "/permissions",
                Map.of("patterns", Map.of("enabled", false)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(colleague.get("/api/v1/users/" + colleagueId + "/permissions").json()
                .path("patterns").path("enabled").asBoolean()).isFalse();

        Accounts.Owner outsider = Accounts.owner(gateway);
        List<Client.Response> attempts = List.of(
                outsider.browser().get(organization),
                outsider.browser().get(organization + "/members"),
                outsider.browser().get(organization + "/invitations"),
                outsider.browser().post(organization + "/members", Map.of("email", Accounts.uniqueEmail("x"), "role", "admin")),
                outsider.browser().get("/api/v1/users/by-organization/" + owner.organizationId()),
                outsider.browser().get("/api/v1/users/" + colleagueId),
                outsider.browser().get("/api/v1/users/" + colleagueId + "/permissions"),
                outsider.browser().send("PATCH", "/api/v1/users/" + colleagueId + "/permissions",
                        Map.of("patterns", Map.of("enabled", true))),
                outsider.browser().send("PATCH", "/api/v1/users/" + colleagueId + "/profile", Map.of("name", "Mallory")));
        for (Client.Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
            assertThat(attempt.json().path("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(outsider.browser().get("/api/v1/users/search-email?q=grace").body()).doesNotContain(colleagueEmail.toLowerCase());
    }

    @Test
    void passwordResetMailIsDeliveredBySmtpAndItsTokenResetsThePassword() throws Exception {
        String email = Accounts.uniqueEmail("forgetful");
        Client user = Accounts.signUp(new Client(gateway), "Forgetful User", email);
        assertThat(user.post("/api/v1/auth/request-password-reset", Map.of("email", email)).status()).isEqualTo(200);

        String token = mailedToken(email, "reset-password/([A-Za-z0-9_-]{20,})");
        Client.Response reset = new Client(gateway).post("/api/v1/auth/reset-password",
                Map.of("token", token, "newPassword", "a brand new passphrase"));
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(new Client(gateway).post("/api/v1/auth/sign-in/email",
                Map.of("email", email, "password", "a brand new passphrase")).status()).isEqualTo(200);
    }

    private static String mailedToken(String email, String pattern) throws Exception {
        Pattern link = Pattern.compile(pattern);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : platform.mail().getReceivedMessages()) {
                String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
                Matcher token = link.matcher(body);
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email) && token.find()) {
                    return token.group(1);
                }
            }
            platform.mail().waitForIncomingEmail(1000, 1);
        }
        throw new AssertionError("no mail with " + pattern + " reached " + email);
    }

    private static String invitationToken(String email) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : platform.mail().getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    Matcher token = TOKEN.matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(message)
                            .replace("=\r\n", "").replace("=3D", "="));
                    assertThat(token.find()).as("the invitation carries a token link").isTrue();
                    return token.group(1);
                }
            }
            platform.mail().waitForIncomingEmail(1000, 1);
        }
        throw new AssertionError("no invitation email reached " + email);
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
