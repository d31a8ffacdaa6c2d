package dev.crow.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.support.InteractionServiceIntegrationTest;
import dev.crow.platform.security.Permission;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Organization A against organization B on every endpoint of the service. The last test fails
 * when an endpoint is added without a row here.
 */
class TenantIsolationIntegrationTests extends InteractionServiceIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private String a;
    private String b;

    /** One endpoint: how it is called for an organization with a token, and what a stranger must get. */
    private record Row(String endpoint, BiFunction<String, String, HttpResponse<String>> call, int strangerStatus) {
    }

    private List<Row> matrix() {
        return List.of(
                new Row("POST /api/v1/interactions", (org, token) -> post("/api/v1/interactions", token,
                        "{\"id\":\"x-" + System.nanoTime() + "\",\"sourceType\":\"web\",\"type\":\"page_view\","
                                + "\"occurredAt\":\"" + Instant.now().minus(1, ChronoUnit.HOURS) + "\",\"url\":\"/\"}"),
                        201),
                new Row("GET /api/v1/interactions/organization/{orgId}",
                        (org, token) -> get("/api/v1/interactions/organization/" + org, token), 403),
                new Row("GET /api/v1/interactions/organization/{orgId}/summary",
                        (org, token) -> get("/api/v1/interactions/organization/" + org + "/summary", token), 403),
                new Row("POST /api/v1/interactions/organization/{orgId}/analyze",
                        (org, token) -> post("/api/v1/interactions/organization/" + org + "/analyze", token, "{}"), 403),
                new Row("GET /api/v1/interactions/tracker.js",
                        (org, token) -> get("/api/v1/interactions/tracker.js", token), 200),
                new Row("GET /internal/interactions/export",
                        (org, token) -> get("/internal/interactions/export?organizationId=" + org, token), 401),
                new Row("GET /internal/interactions/organizations",
                        (org, token) -> get("/internal/interactions/organizations", token), 401),
                new Row("POST /internal/interactions/demo",
                        (org, token) -> post("/internal/interactions/demo?organizationId=" + org, token, null), 401),
                new Row("POST /internal/events", (org, token) -> post("/internal/events", token, "{}"), 401),
                new Row("GET /api/v1/interactions/health",
                        (org, token) -> get("/api/v1/interactions/health", token), 200),
                new Row("GET /api/v1/interactions/ready",
                        (org, token) -> get("/api/v1/interactions/ready", token), 200));
    }

    @BeforeEach
    void twoOrganizationsWithData() {
        a = newOrganization();
        b = newOrganization();
        loadDemo(b, 11, 2);
    }

    @Test
    void organizationACannotReachOrganizationBsData() {
        String tokenOfA = TestTokens.everything(a);
        for (Row row : matrix()) {
            HttpResponse<String> response = row.call().apply(b, tokenOfA);
            assertThat(response.statusCode()).as(row.endpoint()).isEqualTo(row.strangerStatus());
            assertThat(response.body()).as(row.endpoint()).doesNotContain("syn-b-");
            if (row.strangerStatus() == 403) {
                assertThat(json(response).get("code").asString()).isEqualTo("FORBIDDEN");
            }
        }
    }

    @Test
    void whatAWritesLandsInAOnly() {
        String tokenOfA = TestTokens.everything(a);
        matrix().get(0).call().apply(b, tokenOfA);
        HttpResponse<String> summaryOfA = get("/api/v1/interactions/organization/" + a + "/summary", tokenOfA);
        HttpResponse<String> summaryOfB = get("/api/v1/interactions/organization/" + b + "/summary",
                TestTokens.everything(b));
        assertThat(summaryOfA.body()).isEqualTo("{\"web\":1,\"cctv\":0,\"social\":0,\"total\":1}");
        assertThat(json(summaryOfB).get("web").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM interactions.interaction WHERE organization_id = ? "
                        + "AND source_type = 'web'", Long.class, b));
    }

    @Test
    void aCallerWithoutAnActiveOrganizationIsRefused() {
        String noOrganization = TestTokens.withoutOrganization();
        assertThat(post("/api/v1/interactions", noOrganization, "{}").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/interactions/organization/" + b, noOrganization).statusCode()).isEqualTo(403);
    }

    @Test
    void everyMappedEndpointIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("dev.crow")) {
                for (String pattern : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(verb -> mapped.add(verb + " " + pattern));
                }
            }
        });
        Set<String> covered = new TreeSet<>();
        matrix().forEach(row -> covered.add(row.endpoint()));
        assertThat(covered).containsAll(mapped);
    }

    /** Tokens for the matrix. */
    private static final class TestTokens {

        static String everything(String organizationId) {
            return token(organizationId, Permission.values());
        }

        static String withoutOrganization() {
            return token(null, Permission.INTERACTIONS);
        }
    }
}
