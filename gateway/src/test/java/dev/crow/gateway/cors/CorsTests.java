package dev.crow.gateway.cors;

import dev.crow.gateway.support.GatewayClient.Response;
import dev.crow.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared context allows {@code https://dashboard.crow.test}. */
class CorsTests extends GatewayTestSupport {

    private static final String DASHBOARD = "https://dashboard.crow.test";

    @Test
    void preflightFromTheDashboardIsAnsweredWithoutCredentials() {
        Response preflight = client().send("OPTIONS", "/api/v1/products/p1", null,
                "Origin", DASHBOARD,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type, x-request-id");

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-request-id");
        assertThat(preflight.header("Vary")).contains("Origin");
    }

    @Test
    void requestsFromTheDashboardMayReadTheAnswerWithCookies() {
        Response response = client().get("/api/v1/products/p1", "Origin", DASHBOARD, "X-API-Key", apiKey("free"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly(DASHBOARD);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-RateLimit-Remaining");
    }

    @Test
    void otherOriginsGetNoCorsHeaders() {
        Response preflight = client().send("OPTIONS", "/api/v1/products/p1", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
        Response request = client().get("/api/v1/products/health", "Origin", "https://evil.example");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.json().path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.header("Access-Control-Allow-Origin")).isNull();
        assertThat(request.header("Access-Control-Allow-Credentials")).isNull();
    }
}
