package dev.crow.pattern.support;

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
import java.util.function.Predicate;
import org.awaitility.Awaitility;
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
 * Base of the tests that run pattern-service on a random port against a real PostgreSQL, with
 * interaction-service played by {@link FakeInteractionService}. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crow.pattern.jobs.poll-interval=200ms",
        "crow.pattern.jobs.heartbeat-interval=500ms",
        "crow.pattern.jobs.stale-after=3s",
        "crow.pattern.jobs.retry-backoff=1s",
        "crow.pattern.schedule.enabled=false"})
@Import(TestJwksConfiguration.class)
public abstract class PatternServiceIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final FakeInteractionService INTERACTIONS = FakeInteractionService.instance();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        CrowPostgres.register(registry, "patterns");
        TestServiceKeys.register(registry);
        registry.add("crow.platform.services.interactions", INTERACTIONS::baseUrl);
    }

    protected static String newOrganization() {
        return TestCallers.newOrganizationId();
    }

    protected static String token(String organizationId, Permission... permissions) {
        return TestCallers.memberToken(organizationId, permissions);
    }

    protected static String patterns(String organizationId) {
        return token(organizationId, Permission.PATTERNS);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    protected HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()), token);
        }
        return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
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

    /** Starts an analysis and returns its job id. */
    protected String analyze(String organizationId, String body) {
        HttpResponse<String> response = post("/api/v1/patterns/analyze", patterns(organizationId), body);
        if (response.statusCode() != 202) {
            throw new AssertionError("analyze answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("jobId").asString();
    }

    /** Polls the job until {@code done} holds for it, or fails after the deadline. */
    protected JsonNode awaitJob(String organizationId, String jobId, Predicate<JsonNode> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> json(get("/api/v1/patterns/jobs/" + jobId, patterns(organizationId))), done::test);
    }

    protected JsonNode awaitFinished(String organizationId, String jobId) {
        return awaitJob(organizationId, jobId, job -> job.get("status").asString().matches("succeeded|failed"));
    }
}
