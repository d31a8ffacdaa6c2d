package dev.crow.gateway.observability;

import java.time.Duration;

import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayClient.Response;
import dev.crow.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests extends GatewayTestSupport {

    @Test
    void eachRequestGetsOneAccessLogLineWithoutCredentialsOrQuery(CapturedOutput output) {
        String key = apiKey("free");

        Response response = client().get("/api/v1/products/p1?token=secret-query-value", "X-API-Key", key);
        String requestId = response.header("X-Request-Id");

        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("rid=" + requestId));
        String line = output.getOut().lines().filter(l -> l.contains("rid=" + requestId)).findFirst().orElseThrow();
        assertThat(line).contains("ACCESS", "principal=api_key", "route=products", "method=GET",
                "path=/api/v1/products/p1 ", "status=200", " ms=");
        assertThat(line).doesNotContain("secret-query-value", key, "Bearer");
    }

    @Test
    void refusalsAreLoggedWithTheirStatus(CapturedOutput output) {
        Response response = client().get("/api/v1/interactions", "X-API-Key", "crow_nobody" + nextId());
        String requestId = response.header("X-Request-Id");

        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("rid=" + requestId));
        assertThat(output.getOut()).contains("rid=" + requestId + " principal=public route=interactions method=GET"
                + " path=/api/v1/interactions status=401");
    }

    @Test
    void tokensInAuthPathsAreMasked(CapturedOutput output) {
        Response response = client().get("/api/v1/auth/reset-password/very-secret-reset-token");
        String requestId = response.header("X-Request-Id");

        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("rid=" + requestId));
        assertThat(output.getOut()).contains("path=/api/v1/auth/reset-password/*** ")
                .doesNotContain("very-secret-reset-token");
    }

    @Test
    void prometheusOnTheManagementPortHasRequestsLatenciesRefusalsCacheAndIntrospectionMetrics() {
        String key = apiKey("free");
        GatewayClient client = client();
        client.get("/api/v1/products/p1", "X-API-Key", key);
        client.get("/api/v1/products/p1", "X-API-Key", key);
        for (int i = 0; i < 11; i++) {
            client.get("/api/v1/chat/health");
        }

        String metrics = new GatewayClient(managementPort).get("/actuator/prometheus").body();

        assertThat(metrics).contains(
                "crow_gateway_requests_seconds_count{principal=\"api_key\",route=\"products\",status=\"200\"}",
                "crow_gateway_requests_seconds_bucket{principal=\"api_key\",route=\"products\",status=\"200\",le=\"0.005\"}",
                "crow_gateway_ratelimit_rejected_total{plan=\"public\"}",
                "cache_gets_total{cache=\"crow_gateway_principals\",result=\"hit\"}"
                        .replace("crow_gateway_principals", "crow.gateway.principals"),
                "crow_gateway_introspection_seconds_count{outcome=\"valid\"}",
                "crow_gateway_ratelimit_local_buckets");
    }
}
