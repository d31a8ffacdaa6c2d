package dev.crow.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.pattern.support.PatternServiceIntegrationTest;
import dev.crow.platform.security.Permission;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Organization A against organization B on every endpoint; the last test fails when an endpoint is not in the matrix. */
class TenantIsolationIntegrationTests extends PatternServiceIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private String a;
    private String b;
    private String jobOfB;

    private record Row(String endpoint, BiFunction<String, String, HttpResponse<String>> call, int strangerStatus) {
    }

    private List<Row> matrix() {
        return List.of(
                new Row("POST /api/v1/patterns/analyze", (org, token) -> post("/api/v1/patterns/analyze", token,
                        "{\"organizationId\":\"" + org + "\",\"period\":\"daily\"}"), 202),
                new Row("GET /api/v1/patterns/jobs/{id}", (org, token) -> get("/api/v1/patterns/jobs/" + jobOfB, token), 404),
                new Row("GET /api/v1/patterns/organization/{orgId}",
                        (org, token) -> get("/api/v1/patterns/organization/" + org + "?jobId=" + jobOfB, token), 403),
                new Row("GET /api/v1/patterns/results/organization/{orgId}",
                        (org, token) -> get("/api/v1/patterns/results/organization/" + org, token), 403),
                new Row("POST /internal/events", (org, token) -> post("/internal/events", token, "{}"), 401),
                new Row("GET /api/v1/patterns/health", (org, token) -> get("/api/v1/patterns/health", token), 200),
                new Row("GET /api/v1/patterns/ready", (org, token) -> get("/api/v1/patterns/ready", token), 200));
    }

    @BeforeEach
    void organizationBHasResults() {
        a = newOrganization();
        b = newOrganization();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        INTERACTIONS.serve(b, new SyntheticInteractions(SyntheticInteractions.Settings.defaults(41, today.minusDays(3), 3)));
        jobOfB = analyze(b, "{\"period\":\"weekly\"}");
        awaitFinished(b, jobOfB);
    }

    @Test
    void organizationACannotReachOrganizationBsPatternsOrJobs() {
        String tokenOfA = token(a, Permission.values());
        for (Row row : matrix()) {
            HttpResponse<String> response = row.call().apply(b, tokenOfA);
            assertThat(response.statusCode()).as(row.endpoint()).isEqualTo(row.strangerStatus());
            assertThat(response.body()).as(row.endpoint()).doesNotContain(b);
        }
    }

    @Test
    void anAnalysisAlwaysRunsForTheCallersOwnOrganization() {
        HttpResponse<String> response = matrix().get(0).call().apply(b, token(a, Permission.PATTERNS));
        String jobId = json(response).get("jobId").asString();
        assertThat(jdbc.queryForObject("SELECT organization_id FROM patterns.mining_job WHERE id = ?::uuid",
                String.class, jobId)).isEqualTo(a);
        assertThat(get("/api/v1/patterns/jobs/" + jobId, token(b, Permission.PATTERNS)).statusCode()).isEqualTo(404);
        assertThat(awaitFinished(a, jobId).get("status").asString()).isEqualTo("succeeded");
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
}
