package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.auth.account.UserView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Dates, health and the API document as clients see them. */
class WireFormatIntegrationTests extends AuthIntegrationTestSupport {

    @Autowired
    JsonMapper json;

    @Autowired
    AuthClock clock;

    @Test
    void datesAlwaysHaveExactlyThreeFractionalDigitsAndZ() {
        for (String[] example : new String[][] {
                {"2025-11-14T10:28:44Z", "2025-11-14T10:28:44.000Z"},
                {"2025-11-14T10:28:44.200Z", "2025-11-14T10:28:44.200Z"},
                {"2025-11-14T10:28:44.214Z", "2025-11-14T10:28:44.214Z"}}) {
            Instant instant = Instant.parse(example[0]);
            String written = json.writeValueAsString(new UserView("id", "n", "e@acme.com", false, null, instant, instant));
            assertThat(written).contains("\"createdAt\":\"" + example[1] + "\"");
        }
    }

    @Test
    void theClockNeverHandsOutSubMillisecondInstants() {
        for (int i = 0; i < 100; i++) {
            assertThat(clock.now().getNano() % 1_000_000).isZero();
        }
    }

    @Test
    void storedTimestampsHaveMillisecondPrecision() {
        signUpWithOrganization();
        Integer subMillisecond = jdbc.queryForObject(
                "select count(*) from users where extract(microseconds from created_at)::bigint % 1000 <> 0", Integer.class);
        assertThat(subMillisecond).isZero();
    }

    @Test
    void healthAnswersWithoutCredentials() {
        var health = client().get("/health");
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void everyRouteIsInTheApiDocument() {
        String document = client().send("GET", "/v3/api-docs", null, java.util.Map.of()).body();
        for (String path : List.of("/api/v1/auth/sign-up/email", "/api/v1/auth/sign-in/email", "/api/v1/auth/sign-out",
                "/api/v1/auth/get-session", "/api/v1/auth/token", "/api/v1/auth/jwks", "/api/v1/auth/organization/create",
                "/api/v1/auth/organization/list", "/api/v1/auth/organization/set-active", "/api/v1/auth/api-key/create",
                "/api/v1/auth/api-key/list", "/api/v1/auth/api-key/delete", "/api/v1/auth/api-key/verify",
                "/api/v1/auth/request-password-reset", "/api/v1/auth/reset-password", "/api/v1/auth/reset-password/{token}",
                "/api/v1/auth/send-verification-email", "/api/v1/auth/verify-email", "/internal/auth/introspect",
                "/internal/auth/organizations/{id}/tier")) {
            assertThat(document).contains("\"" + path + "\"");
        }
    }
}
