package dev.crow.gateway;

import java.time.Duration;

import dev.crow.gateway.support.FakeAuthService;
import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayClient.Response;
import dev.crow.gateway.support.GatewayTestSupport;
import dev.crow.gateway.support.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway whose Redis and auth-service are both unreachable, with the default (empty) trusted proxies:
 * it keeps serving public routes with in-memory limits, answers protected ones 503 quickly, warns about
 * Redis once per interval instead of once per request, and believes no client-sent forwarding header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crow.gateway.service-key=" + FakeAuthService.SERVICE_KEY,
        "crow.gateway.rate-limits.store=redis",
        "management.server.port=0"})
@Import(GatewayTestSupport.TestClock.class)
@ExtendWith(OutputCaptureExtension.class)
class DegradedDependenciesTests {

    private static final int DEAD_REDIS = TestServers.unusedPort();
    private static final int DEAD_AUTH = TestServers.unusedPort();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void unreachableDependencies(DynamicPropertyRegistry registry) {
        registry.add("crow.gateway.redis-url", () -> "redis://127.0.0.1:" + DEAD_REDIS);
        registry.add("crow.gateway.services.auth", () -> "http://127.0.0.1:" + DEAD_AUTH);
        for (String service : new String[] {"users", "organizations", "products", "interactions", "patterns", "chat",
                "billing", "cctv", "mcp"}) {
            registry.add("crow.gateway.services." + service, TestServers.BACKEND::url);
        }
    }

    @BeforeEach
    void freshMinute() {
        // All calls here come from loopback, so they share one per-address bucket: start each test afresh.
        TestServers.CLOCK.nextMinute(5);
    }

    @Test
    void withRedisDownPublicRoutesAreStillServedAndLimitedFromMemory(CapturedOutput output) {
        GatewayClient client = new GatewayClient(port);

        for (int i = 1; i <= 10; i++) {
            Response allowed = client.get("/api/v1/organizations/health");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(10 - i));
        }
        Response refused = client.get("/api/v1/organizations/health");

        assertThat(refused.status()).isEqualTo(429);
        String metrics = new GatewayClient(managementPort).get("/actuator/prometheus").body();
        assertThat(metrics).contains("crow_gateway_ratelimit_redis_available 0.0")
                .containsPattern("crow_gateway_ratelimit_redis_fallback_total 1[01]\\.0");
        long warnings = output.getOut().lines().filter(line -> line.contains("Redis rate-limit store")).count();
        assertThat(warnings).as("one warning per interval, not one per request").isEqualTo(1);
    }

    @Test
    void withAuthServiceDownProtectedRoutesAnswer503Quickly() {
        long started = System.nanoTime();
        Response response = new GatewayClient(port).get("/api/v1/products/p1", "X-API-Key", "crow_any");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(response.json().path("error").asString()).isEqualTo("Authentication service unavailable");
        assertThat(took).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void withoutTrustedProxiesClientForwardingHeadersAreIgnored() {
        Response response = new GatewayClient(port).get("/api/v1/billing/health", "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https");

        assertThat(response.forwarded("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(response.forwarded("X-Real-IP")).isEqualTo("127.0.0.1");
        assertThat(response.forwarded("X-Forwarded-Host")).startsWith("127.0.0.1:");
        assertThat(response.forwarded("X-Forwarded-Proto")).isEqualTo("http");
    }
}
