package dev.crow.interaction.support;

import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.test.CrowPostgres;
import dev.crow.test.TestCallers;
import dev.crow.test.TestJwksConfiguration;
import dev.crow.test.TestServiceKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that run the whole service on a random port against a real PostgreSQL and
 * call it over HTTP with internal JWTs, the way the gateway does. All subclasses share one
 * Spring context (and one database); each test uses fresh organization ids to stay independent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestJwksConfiguration.class)
public abstract class InteractionServiceIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        CrowPostgres.register(registry, "interactions");
        TestServiceKeys.register(registry);
    }

    protected static String newOrganization() {
        return TestCallers.newOrganizationId();
    }

    protected static CallerContext member(String organizationId, Permission... permissions) {
        return TestCallers.member(organizationId, permissions);
    }

    protected static String token(String organizationId, Permission... permissions) {
        return TestCallers.memberToken(organizationId, permissions);
    }

    protected static String fullAccess(String organizationId) {
        return token(organizationId, Permission.INTERACTIONS);
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token, Map.of());
    }

    protected HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()), token, Map.of());
        }
        return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)),
                token, Map.of());
    }

    protected HttpResponse<String> internalGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null,
                Map.of(TestServiceKeys.HEADER, TestServiceKeys.serviceKey()));
    }

    protected HttpResponse<String> internalPost(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), null,
                Map.of(TestServiceKeys.HEADER, TestServiceKeys.serviceKey()));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request, String token, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Loads the deterministic demo data set for the organization through the internal endpoint. */
    protected JsonNode loadDemo(String organizationId, long seed, int days) {
        HttpResponse<String> response = internalPost("/internal/interactions/demo?organizationId=" + organizationId
                + "&seed=" + seed + "&days=" + days);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("demo load failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }
}
