package dev.crow.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayClient.Response;
import dev.crow.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTests extends GatewayTestSupport {

    @Autowired
    RouteLocator routes;

    @Test
    void everyServiceRouteIsLoadedFromConfiguration() {
        Map<String, URI> loaded = routes.getRoutes().collectList().block().stream()
                .collect(Collectors.toMap(Route::getId, Route::getUri));

        assertThat(loaded).containsKeys("auth", "users", "organizations", "products", "interactions", "patterns",
                "chat", "billing", "cctv", "mcp", "openapi-auth", "openapi-products", "openapi-mcp");
        assertThat(loaded.get("products")).isEqualTo(URI.create(BACKEND.url()));
        assertThat(loaded.get("auth")).isEqualTo(URI.create(AUTH.url()));
        assertThat(loaded.get("patterns").getPort()).isEqualTo(DEAD_PORT);
        assertThat(loaded).hasSize(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/users/me", "/api/v1/notifications", "/api/v1/organizations/o1/members",
            "/api/v1/products/p1", "/api/v1/interactions?limit=5", "/api/v1/chat/sessions", "/api/v1/qna/documents",
            "/api/v1/billing/subscription", "/api/v1/analytics/events", "/api/v1/cctv/cameras", "/api/v1/mcp",
            "/api/v1/a2a"})
    void everyPathFamilyReachesItsService(String path) {
        Response response = client().get(path, "X-API-Key", apiKey("free"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("path").asString()).isEqualTo(path);
    }

    @Test
    void agentCardIsPublicAndRoutedToMcp() {
        Response response = client().get("/.well-known/agent-card.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("path").asString()).isEqualTo("/.well-known/agent-card.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/auth/introspect", "/internal/events", "/internal", "/api/v1/products/../../internal/events",
            "/api/v1/products/%2e%2e/%2e%2e/internal/events", "/api/v1/products/..;/internal", "/api/v1/products%2F..%2Finternal",
            "/api/v1/unknown", "/", "/actuator/prometheus", "/v3/api-docs"})
    void internalUnknownAndNonCanonicalPathsAreNotFoundInPlatformFormat(String path) {
        Response response = client().get(path, "X-API-Key", apiKey("free"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(response.json().path("error").asString()).isEqualTo("Not found");
        assertThat(response.json().path("message").asString()).isEqualTo("Not found");
        assertThat(response.json().path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void internalPathsAreNotFoundEvenWithTheServiceKey() {
        Response response = client().post("/internal/auth/introspect", "{}", "X-Service-API-Key",
                "test-service-key");

        assertThat(response.status()).isEqualTo(404);
        assertThat(AUTH.totalCalls()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void eachServicesOpenApiDocumentIsPublicUnderItsName() {
        Response response = client().get("/v3/api-docs/products");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("openapi").asString()).isEqualTo("3.1.0");
    }

    @Test
    void swaggerUiListsOneDocumentPerService() {
        GatewayClient client = client();
        Response config = client.get("/v3/api-docs/swagger-config");
        Response ui = client.get("/swagger-ui/index.html");

        assertThat(config.status()).isEqualTo(200);
        List<String> names = config.json().path("urls").valueStream().map(url -> url.path("name").asString())
                .toList();
        assertThat(names).containsExactlyInAnyOrder("auth", "users", "organizations", "products", "interactions",
                "patterns", "chat", "billing", "cctv", "mcp");
        config.json().path("urls").valueStream().forEach(url -> assertThat(url.path("url").asString())
                .isEqualTo("/v3/api-docs/" + url.path("name").asString()));
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void hopByHopHeadersAreNotForwarded() throws Exception {
        String key = apiKey("free");
        String request = "GET /api/v1/products/p1 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Connection: close, X-Hop-Secret\r\n"
                + "X-Hop-Secret: 1\r\n"
                + "TE: trailers\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic abc\r\n"
                + "X-Forwarded-For: " + client().clientIp() + "\r\n"
                + "X-API-Key: " + key + "\r\n\r\n";
        String raw;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);

        assertThat(raw).startsWith("HTTP/1.1 200");
        assertThat(body).contains("\"x-request-id\"").doesNotContain("x-hop-secret", "\"te\"", "keep-alive",
                "proxy-authorization");
    }

    @Test
    void requestBodiesReachTheServiceWhetherSentWithALengthOrInChunks() throws Exception {
        String key = apiKey("free");
        Response sized = client().post("/api/v1/interactions", "{\"type\":\"page_view\"}", "X-API-Key", key);
        assertThat(sized.status()).isEqualTo(200);
        assertThat(sized.json().path("bodyLength").asInt()).isEqualTo(20);
        assertThat(sized.forwarded("Content-Length")).isEqualTo("20");
        assertThat(sized.forwarded("Transfer-Encoding")).isNull();

        String request = "POST /api/v1/interactions HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Connection: close\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "X-Forwarded-For: " + client().clientIp() + "\r\n"
                + "X-API-Key: " + key + "\r\n\r\n"
                + "6\r\n{\"a\":1\r\n"
                + "a\r\n,\"b\":\"xyz\"\r\n"
                + "1\r\n}\r\n"
                + "0\r\n\r\n";
        String raw;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(raw).startsWith("HTTP/1.1 200");
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        // The answer may itself be chunked: the echo's JSON is inside it either way.
        String json = body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1);
        tools.jackson.databind.JsonNode echo = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        assertThat(echo.path("bodyLength").asInt()).isEqualTo(17);
        assertThat(echo.path("headers").path("transfer-encoding").path(0).asString()).isEqualTo("chunked");
        assertThat(echo.path("headers").has("content-length")).isFalse();
    }

    @Test
    void managementPortServesPrometheusWithoutCredentialsAndIsNotRouted() {
        GatewayClient management = new GatewayClient(managementPort);
        client().get("/api/v1/products/p1", "X-API-Key", apiKey("free"));

        Response metrics = management.get("/actuator/prometheus");
        Response notRouted = management.get("/api/v1/products/p1");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("crow_gateway_requests_seconds_count{principal=\"api_key\",route=\"products\"");
        assertThat(notRouted.status()).isEqualTo(404);
    }
}
