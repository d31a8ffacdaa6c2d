package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Better Auth's CSRF defence: state-changing calls with cookies need a trusted Origin. */
class OriginCheckIntegrationTests extends AuthIntegrationTestSupport {

    @Test
    void aCookieCallWithoutOriginIsRefused() {
        SignedIn user = signUpWithOrganization();
        var answer = user.client().origin(null).post("/organization/create", Map.of("name", "X", "slug", uniqueSlug("x")));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("MISSING_OR_NULL_ORIGIN");
    }

    @Test
    void aCookieCallWithANullOriginIsRefused() {
        SignedIn user = signUpWithOrganization();
        var answer = user.client().origin("null").post("/sign-out", Map.of());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("MISSING_OR_NULL_ORIGIN");
        assertThat(user.client().origin(BetterAuthClient.DASHBOARD_ORIGIN).get("/get-session").json().isObject()).isTrue();
    }

    @Test
    void aCookieCallFromAnUntrustedOriginIsRefused() {
        SignedIn user = signUpWithOrganization();
        var answer = user.client().origin("https://evil.example").post("/api-key/create", Map.of("name", "stolen"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("INVALID_ORIGIN");
        assertThat(jdbc.queryForObject("select count(*) from api_keys where user_id = ?::uuid", Integer.class,
                user.userId())).isZero();
    }

    @Test
    void aTrustedRefererStandsInForAMissingOrigin() {
        SignedIn user = signUpWithOrganization();
        var answer = user.client().origin(null).send("POST", "/api/v1/auth/api-key/create", Map.of("name", "ok"),
                Map.of("Referer", BetterAuthClient.DASHBOARD_ORIGIN + "/settings/keys"));
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void thePublicBaseUrlIsTrusted() {
        SignedIn user = signUpWithOrganization();
        var answer = user.client().origin("http://localhost:8080").post("/api-key/create", Map.of("name", "gateway"));
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void safeMethodsAreNotChecked() {
        SignedIn user = signUpWithOrganization();
        assertThat(user.client().origin("https://evil.example").get("/get-session").status()).isEqualTo(200);
    }

    @Test
    void browserSignInsFromUntrustedOriginsAreRefusedEvenWithoutCookies() {
        String email = uniqueEmail("login-csrf.com");
        client().post("/sign-up/email", Map.of("name", "Victim", "email", email, "password", PASSWORD));

        var forged = client().origin("https://evil.example").post("/sign-in/email", Map.of("email", email, "password", PASSWORD));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("INVALID_ORIGIN");

        var fetchWithoutOrigin = client().origin(null).send("POST", "/api/v1/auth/sign-in/email",
                Map.of("email", email, "password", PASSWORD), Map.of("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors"));
        assertThat(fetchWithoutOrigin.status()).isEqualTo(403);
        assertThat(fetchWithoutOrigin.code()).isEqualTo("MISSING_OR_NULL_ORIGIN");

        var forgedSignUp = client().origin("https://evil.example").post("/sign-up/email",
                Map.of("name", "x", "email", uniqueEmail("login-csrf.com"), "password", PASSWORD));
        assertThat(forgedSignUp.status()).isEqualTo(403);
    }

    @Test
    void serverToServerSignInsWithoutBrowserHeadersPass() {
        String email = uniqueEmail("s2s-corp.com");
        client().post("/sign-up/email", Map.of("name", "Server", "email", email, "password", PASSWORD));
        var answer = client().origin(null).post("/sign-in/email", Map.of("email", email, "password", PASSWORD));
        assertThat(answer.status()).isEqualTo(200);
    }
}
