package dev.crow.gateway.routing;

import java.time.Duration;

import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayClient.Response;
import dev.crow.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the shared context, patterns-service points at a port where nothing listens, and the gateway waits
 * 2 s for a service's response headers.
 */
class UpstreamFailureTests extends GatewayTestSupport {

    @Test
    void routeWhoseServiceIsDownAnswers503QuicklyWhileOthersWork() {
        String key = apiKey("free");
        GatewayClient client = client();

        long started = System.nanoTime();
        Response down = client.get("/api/v1/patterns/daily", "X-API-Key", key);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Response up = client.get("/api/v1/products/p1", "X-API-Key", key);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().path("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(down.json().path("error").asString()).isEqualTo("Service unavailable");
        assertThat(down.json().path("requestId").asString()).isEqualTo(down.header("X-Request-Id"));
        assertThat(down.header("X-RateLimit-Remaining")).isNotNull();
        assertThat(took).isLessThan(Duration.ofMillis(2500));
        assertThat(up.status()).isEqualTo(200);
    }

    @Test
    void serviceThatSendsNoAnswerTimesOutAs503AfterTheResponseTimeout() {
        long started = System.nanoTime();
        Response response = client().get("/api/v1/products/stall", "X-API-Key", apiKey("free"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(took).as("the shared test context waits 2 s for headers")
                .isBetween(Duration.ofMillis(1900), Duration.ofMillis(6000));
        assertThat(new GatewayClient(managementPort).get("/actuator/prometheus").body())
                .contains("crow_gateway_upstream_errors_total{kind=\"timeout\",route=\"products\"}");
    }

    @Test
    void unreachableServiceIsCountedAsAnUpstreamError() {
        client().get("/api/v1/patterns/weekly", "X-API-Key", apiKey("free"));

        Response metrics = new GatewayClient(managementPort).get("/actuator/prometheus");

        assertThat(metrics.body()).contains("crow_gateway_upstream_errors_total{kind=\"connect\",route=\"patterns\"}");
    }
}
