package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.auth.recovery.AccountMessage;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password reset and email verification, following the links a user would get by email. */
class RecoveryIntegrationTests extends AuthIntegrationTestSupport {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Test
    void aPasswordResetReplacesThePasswordAndEndsEverySession() {
        SignedIn user = signUpWithOrganization();
        var requested = client().post("/request-password-reset",
                Map.of("email", user.email(), "redirectTo", "http://localhost:3000/reset-password"));
        assertThat(requested.status()).isEqualTo(200);
        assertThat(requested.body()).isEqualTo("{\"status\":true}");

        AccountMessage message = mailer.latest(user.email(), AccountMessage.Kind.PASSWORD_RESET).orElseThrow();
        assertThat(message.link()).startsWith("http://localhost:8080/api/v1/auth/reset-password/" + message.token());
        assertThat(jdbc.queryForObject("select count(*) from verification_tokens where token_hash = ?", Integer.class,
                message.token())).isZero();

        URI link = URI.create(message.link());
        var followed = client().get(link.getRawPath().substring("/api/v1/auth".length()) + "?" + link.getRawQuery());
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.header("location").orElseThrow())
                .isEqualTo("http://localhost:3000/reset-password?token=" + message.token());

        var reset = client().post("/reset-password", Map.of("newPassword", NEW_PASSWORD, "token", message.token()));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().path("status").asBoolean()).isTrue();

        assertThat(user.client().get("/get-session").body()).isEqualTo("null");
        assertThat(client().post("/sign-in/email", Map.of("email", user.email(), "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(client().post("/sign-in/email", Map.of("email", user.email(), "password", NEW_PASSWORD)).status()).isEqualTo(200);

        var reused = client().post("/reset-password", Map.of("newPassword", "yet another passphrase", "token", message.token()));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.code()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void unknownEmailsGetTheSameAnswerAndNoMessage() {
        String email = uniqueEmail("nobody-corp.com");
        var requested = client().post("/request-password-reset", Map.of("email", email));
        assertThat(requested.status()).isEqualTo(200);
        assertThat(requested.body()).isEqualTo("{\"status\":true}");
        assertThat(mailer.latest(email, AccountMessage.Kind.PASSWORD_RESET)).isEmpty();
    }

    @Test
    void redirectsMustStayOnTrustedOrigins() {
        SignedIn user = signUpWithOrganization();
        var requested = client().post("/request-password-reset",
                Map.of("email", user.email(), "redirectTo", "https://evil.example/steal"));
        assertThat(requested.status()).isEqualTo(403);
        assertThat(requested.code()).isEqualTo("INVALID_REDIRECTURL");
        var callback = client().get("/reset-password/whatever?callbackURL=https%3A%2F%2Fevil.example");
        assertThat(callback.status()).isEqualTo(403);
    }

    @Test
    void aTooShortNewPasswordDoesNotUseUpTheToken() {
        SignedIn user = signUpWithOrganization();
        client().post("/request-password-reset", Map.of("email", user.email()));
        String token = mailer.latest(user.email(), AccountMessage.Kind.PASSWORD_RESET).orElseThrow().token();
        var tooShort = client().post("/reset-password", Map.of("newPassword", "short", "token", token));
        assertThat(tooShort.code()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(client().post("/reset-password", Map.of("newPassword", NEW_PASSWORD, "token", token)).status()).isEqualTo(200);
    }

    @Test
    void expiredAndUnknownResetTokensAreRefused() {
        SignedIn user = signUpWithOrganization();
        client().post("/request-password-reset", Map.of("email", user.email()));
        String token = mailer.latest(user.email(), AccountMessage.Kind.PASSWORD_RESET).orElseThrow().token();
        jdbc.update("update verification_tokens set expires_at = ? where token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), Hashes.sha256(token));
        assertThat(client().post("/reset-password", Map.of("newPassword", NEW_PASSWORD, "token", token)).code())
                .isEqualTo("INVALID_TOKEN");
        assertThat(client().post("/reset-password", Map.of("newPassword", NEW_PASSWORD, "token", "made-up")).code())
                .isEqualTo("INVALID_TOKEN");
        var followed = client().get("/reset-password/" + token + "?callbackURL=%2Freset");
        assertThat(followed.header("location").orElseThrow()).isEqualTo("/reset?error=INVALID_TOKEN");
    }

    @Test
    void signUpSendsAVerificationLinkThatVerifiesOnce() {
        BetterAuthClient browser = client();
        String email = uniqueEmail("verify-corp.com");
        browser.post("/sign-up/email", Map.of("name", "Verifier", "email", email, "password", PASSWORD));
        AccountMessage message = mailer.latest(email, AccountMessage.Kind.EMAIL_VERIFICATION).orElseThrow();
        assertThat(message.link()).isEqualTo("http://localhost:8080/api/v1/auth/verify-email?token=" + message.token());

        var verified = client().get("/verify-email?token=" + message.token());
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().path("status").asBoolean()).isTrue();
        assertThat(browser.get("/get-session").json().path("user").path("emailVerified").asBoolean()).isTrue();

        var again = client().get("/verify-email?token=" + message.token());
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void verificationCanBeRequestedAgainAndRedirectsToTheCallback() {
        BetterAuthClient browser = client();
        String email = uniqueEmail("verify-corp.com");
        browser.post("/sign-up/email", Map.of("name", "Again", "email", email, "password", PASSWORD));
        String first = mailer.latest(email, AccountMessage.Kind.EMAIL_VERIFICATION).orElseThrow().token();

        var requested = client().post("/send-verification-email",
                Map.of("email", email, "callbackURL", "http://localhost:3000/welcome"));
        assertThat(requested.status()).isEqualTo(200);
        AccountMessage second = mailer.latest(email, AccountMessage.Kind.EMAIL_VERIFICATION).orElseThrow();
        assertThat(second.token()).isNotEqualTo(first);
        assertThat(second.link()).endsWith("&callbackURL=http%3A%2F%2Flocalhost%3A3000%2Fwelcome");

        var stale = client().get("/verify-email?token=" + first + "&callbackURL=http%3A%2F%2Flocalhost%3A3000%2Fwelcome");
        assertThat(stale.header("location").orElseThrow()).isEqualTo("http://localhost:3000/welcome?error=INVALID_TOKEN");
        var fresh = client().get("/verify-email?token=" + second.token() + "&callbackURL=http%3A%2F%2Flocalhost%3A3000%2Fwelcome");
        assertThat(fresh.status()).isEqualTo(302);
        assertThat(fresh.header("location").orElseThrow()).isEqualTo("http://localhost:3000/welcome");
        assertThat(browser.get("/get-session").json().path("user").path("emailVerified").asBoolean()).isTrue();
    }
}
