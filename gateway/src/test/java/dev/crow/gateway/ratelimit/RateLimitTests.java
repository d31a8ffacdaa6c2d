package dev.crow.gateway.ratelimit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.crow.gateway.support.FakeAuthService.Account;
import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayClient.Response;
import dev.crow.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests extends GatewayTestSupport {

    @BeforeEach
    void freshMinute() {
        clock.nextMinute(5);
    }

    @Test
    void sixtyFirstRequestInAMinuteOnTheFreeTierIsRefused() {
        String key = apiKey("free");
        GatewayClient client = client();
        long minuteEnd = clock.instant().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60).getEpochSecond();

        for (int i = 1; i <= 60; i++) {
            Response allowed = client.get("/api/v1/interactions", "X-API-Key", key);
            assertThat(allowed.status()).as("request %d", i).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo("60");
            assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(60 - i));
            assertThat(allowed.header("X-RateLimit-Reset")).isEqualTo(Long.toString(minuteEnd));
        }
        Response refused = client.get("/api/v1/interactions", "X-API-Key", key);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.json().path("error").asString()).isEqualTo("Rate limit exceeded");
        assertThat(refused.json().path("requestId").asString()).isEqualTo(refused.header("X-Request-Id"));
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("60");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo(Long.toString(minuteEnd));
        assertThat(refused.header("Retry-After")).isEqualTo("55");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("60;w=60, 1000;w=86400");

        clock.nextMinute(0);
        Response nextMinute = client.get("/api/v1/interactions", "X-API-Key", key);
        assertThat(nextMinute.status()).isEqualTo(200);
        assertThat(nextMinute.header("X-RateLimit-Remaining")).isEqualTo("59");
    }

    @Test
    void budgetBelongsToTheApiKeyNotTheAddress() {
        String key = apiKey("free");
        for (int i = 0; i < 60; i++) {
            client().get("/api/v1/interactions", "X-API-Key", key);
        }

        assertThat(client().get("/api/v1/interactions", "X-API-Key", key).status()).isEqualTo(429);
        assertThat(client().get("/api/v1/interactions", "X-API-Key", apiKey("free")).status()).isEqualTo(200);
    }

    @Test
    void authRoutesHitTheirStricterPerAddressLimitFirst() {
        GatewayClient client = client();
        String body = "{\"email\":\"a@b.test\",\"password\":\"x\"}";

        for (int i = 1; i <= 5; i++) {
            Response allowed = client.post("/api/v1/auth/sign-in/email", body);
            assertThat(allowed.status()).as("attempt %d", i).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo("5");
        }
        Response refused = client.post("/api/v1/auth/sign-in/email", body);
        Response signUp = client.post("/api/v1/auth/sign-up/email", body);
        Response reset = client.post("/api/v1/auth/request-password-reset", body);
        Response getSession = client.get("/api/v1/auth/get-session");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(refused.header("Retry-After")).isEqualTo("55");
        assertThat(signUp.status()).isEqualTo(429);
        assertThat(reset.status()).isEqualTo(429);
        assertThat(getSession.status()).as("other auth routes keep the address's general budget").isEqualTo(200);
        assertThat(getSession.header("X-RateLimit-Limit")).isEqualTo("10");
        assertThat(client().post("/api/v1/auth/sign-in/email", body).status()).as("another address")
                .isEqualTo(200);
    }

    @Test
    void anonymousCallersAreLimitedPerAddressOnPublicRoutes() {
        GatewayClient client = client();
        for (int i = 0; i < 10; i++) {
            assertThat(client.get("/api/v1/products/health").status()).isEqualTo(200);
        }

        assertThat(client.get("/api/v1/products/health").status()).isEqualTo(429);
        assertThat(client.get("/api/v1/products/p1").status()).as("refusals cost the address too").isEqualTo(429);
        assertThat(client().get("/api/v1/products/health").status()).isEqualTo(200);
    }

    @Test
    void callerWithCredentialOnPublicRouteUsesItsOwnTier() {
        Response response = client().get("/api/v1/products/images/a.png", "X-API-Key", apiKey("starter"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo("300");
    }

    @Test
    void tiersGetTheirLimits() {
        assertThat(client().get("/api/v1/patterns-not-routed").header("X-RateLimit-Limit")).isEqualTo("10");
        assertThat(limitFor(apiKey("starter"))).isEqualTo("300");
        assertThat(limitFor(apiKey("professional"))).isEqualTo("1000");
        assertThat(limitFor(apiKey("enterprise"))).as("configured enterprise fallback").isEqualTo("5000");
        assertThat(limitFor(apiKey("no-such-tier"))).as("unknown tiers are free").isEqualTo("60");
    }

    @Test
    void enterpriseOrganizationsUseTheirOwnLimits() {
        String key = "crow_enterprise" + nextId();
        AUTH.register(key, Account.apiKey("key-ent-" + nextId(), "org-ent", "enterprise").withLimits(3, 100));
        GatewayClient client = client();

        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/products/p1", "X-API-Key", key).header("X-RateLimit-Limit"))
                    .isEqualTo("3");
        }
        assertThat(client.get("/api/v1/products/p1", "X-API-Key", key).status()).isEqualTo(429);
    }

    @Test
    void sessionUsersAreLimitedPerUser() {
        String firstToken = "s1-" + nextId();
        String secondToken = "s2-" + nextId();
        Account user = Account.session("user-two-sessions-" + nextId(), "org-s", "enterprise").withLimits(2, 100);
        AUTH.register(firstToken, user);
        AUTH.register(secondToken, user);

        assertThat(client().get("/api/v1/users/me", "Authorization", "Bearer " + firstToken).status()).isEqualTo(200);
        assertThat(client().get("/api/v1/users/me", "Authorization", "Bearer " + secondToken).status())
                .isEqualTo(200);
        assertThat(client().get("/api/v1/users/me", "Authorization", "Bearer " + firstToken).status())
                .as("both sessions draw from the user's budget").isEqualTo(429);
    }

    @Test
    void resetIsTheNextMinuteBoundaryInUnixSeconds() {
        Response response = client().get("/api/v1/products/p1", "X-API-Key", apiKey("free"));
        long reset = Long.parseLong(response.header("X-RateLimit-Reset"));

        assertThat(Instant.ofEpochSecond(reset)).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60));
    }

    private String limitFor(String key) {
        return client().get("/api/v1/products/p1", "X-API-Key", key).header("X-RateLimit-Limit");
    }
}
