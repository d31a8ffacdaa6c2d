package dev.crow.pattern.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.demo.PlantedPatterns;
import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.pattern.support.PatternServiceIntegrationTest;
import dev.crow.platform.security.Permission;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobIntegrationTests extends PatternServiceIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static SyntheticInteractions demo(long seed) {
        return new SyntheticInteractions(SyntheticInteractions.Settings.defaults(seed, TODAY.minusDays(28), 28));
    }

    private List<String> keys(String organizationId, String query) {
        HttpResponse<String> response = get("/api/v1/patterns/organization/" + organizationId + query,
                patterns(organizationId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        json(response).get("data").forEach(pattern -> keys.add(pattern.get("key").asString()));
        return keys;
    }

    @Test
    void anAnalysisRunsInTheBackgroundAndFindsThePlantedPatterns() {
        String org = newOrganization();
        SyntheticInteractions data = demo(42);
        PlantedPatterns planted = data.planted();
        INTERACTIONS.serve(org, data);

        HttpResponse<String> accepted = post("/api/v1/patterns/analyze", patterns(org), null);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String jobId = json(accepted).get("jobId").asString();
        assertThat(json(accepted).get("status").asString()).isEqualTo("queued");
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/patterns/jobs/" + jobId);

        JsonNode job = awaitFinished(org, jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(job.get("period").asString()).isEqualTo("monthly");
        assertThat(job.get("origin").asString()).isEqualTo("manual");
        assertThat(job.get("interactionsRead").asLong()).isPositive();
        assertThat(job.get("results").asString()).isEqualTo("/api/v1/patterns/organization/" + org + "?jobId=" + jobId);

        assertThat(keys(org, "")).containsExactlyInAnyOrder("web:hour:" + planted.peakHourUtc(),
                "products:" + String.join("+", planted.productPair()),
                "path:" + String.join(">", planted.navigationPath()));
        assertThat(keys(org, "?kind=co_occurrence")).containsExactly("products:p-07+p-13");
        assertThat(keys(org, "?jobId=" + jobId)).hasSize(3);
        assertThat(keys(org, "?period=weekly")).isEmpty();

        JsonNode pattern = json(get("/api/v1/patterns/organization/" + org + "?kind=navigation_sequence",
                patterns(org))).get("data").get(0);
        assertThat(pattern.get("support").asDouble()).isBetween(0.08, 0.12);
        assertThat(pattern.get("confidence").asDouble()).isGreaterThan(0.9);
        assertThat(pattern.get("lift").asDouble()).isGreaterThan(5);
        assertThat(pattern.get("period").asString()).isEqualTo("monthly");
        assertThat(pattern.get("evidence").get("pages").size()).isEqualTo(3);
        assertThat(pattern.get("title").asString()).contains("/landing/summer-sale → /collections/summer");
    }

    @Test
    void resultsListTheFinishedJobsWithTheirCountsAndNotes() {
        String org = newOrganization();
        INTERACTIONS.serve(org, demo(3));
        String first = analyze(org, "{\"period\":\"weekly\"}");
        awaitFinished(org, first);
        String second = analyze(org, "{\"from\":\"" + TODAY.minusDays(28) + "\",\"to\":\"" + TODAY + "\"}");
        awaitFinished(org, second);

        JsonNode all = json(get("/api/v1/patterns/results/organization/" + org, patterns(org)));
        assertThat(all.get("pagination").get("total").asLong()).isEqualTo(2);
        JsonNode weekly = json(get("/api/v1/patterns/results/organization/" + org + "?period=weekly", patterns(org)));
        assertThat(weekly.get("data").size()).isEqualTo(1);
        JsonNode result = weekly.get("data").get(0);
        assertThat(result.get("jobId").asString()).isEqualTo(first);
        assertThat(result.get("origin").asString()).isEqualTo("manual");
        assertThat(result.get("interactions").asLong()).isPositive();
        assertThat(result.get("patternCounts").has("co_occurrence")).isTrue();
        assertThat(result.get("notes").isArray()).isTrue();
        assertThat(result.get("patterns").asString()).endsWith("?jobId=" + first);
        JsonNode custom = json(get("/api/v1/patterns/results/organization/" + org + "?period=custom", patterns(org)));
        assertThat(custom.get("data").get(0).get("jobId").asString()).isEqualTo(second);
        assertThat(keys(org, "?period=custom")).contains("products:p-07+p-13");
    }

    @Test
    void anUnavailableInteractionServiceIsRetriedWithBackoff() {
        String org = newOrganization();
        INTERACTIONS.serve(org, demo(4));
        INTERACTIONS.failNext(org, 1);
        String jobId = analyze(org, null);
        JsonNode job = awaitFinished(org, jobId);
        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aJobFailsWithItsReasonWhenRetriesAreUsedUpOrTheDataIsUnreadable() {
        String unavailable = newOrganization();
        INTERACTIONS.serve(unavailable, demo(5));
        INTERACTIONS.failNext(unavailable, 10);
        JsonNode failed = awaitFinished(unavailable, analyze(unavailable, null));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("error").asString()).isEqualTo("interaction export answered HTTP 503");
        assertThat(failed.get("results").isNull()).isTrue();

        String garbage = newOrganization();
        INTERACTIONS.serveRaw(garbage, "{\"sourceType\":\"web\",\"type\":\"page_view\",\"occurredAt\":\"2025-01-01T00:00:00Z\"}\nnot json\n");
        JsonNode unreadable = awaitFinished(garbage, analyze(garbage, null));
        assertThat(unreadable.get("status").asString()).isEqualTo("failed");
        assertThat(unreadable.get("error").asString()).contains("interaction 2 is not valid JSON");
    }

    @Test
    void anOrganizationCannotPileUpAnalyses() {
        String org = newOrganization();
        INTERACTIONS.serve(org, demo(6));
        INTERACTIONS.stall(org);
        try {
            String first = analyze(org, null);
            String second = analyze(org, null);
            HttpResponse<String> third = post("/api/v1/patterns/analyze", patterns(org), null);
            assertThat(third.statusCode()).isEqualTo(409);
            assertThat(json(third).get("code").asString()).isEqualTo("CONFLICT");
            awaitJob(org, first, job -> job.get("status").asString().equals("running"));
            INTERACTIONS.release(org);
            assertThat(awaitFinished(org, first).get("status").asString()).isEqualTo("succeeded");
            assertThat(awaitFinished(org, second).get("status").asString()).isEqualTo("succeeded");
        } finally {
            INTERACTIONS.release(org);
        }
    }

    @Test
    void badAnalysisRequestsAre400() {
        String org = newOrganization();
        for (String body : List.of("{\"period\":\"hourly\"}", "{\"from\":\"2025-02-01\",\"to\":\"2025-01-01\"}",
                "{\"from\":\"2023-01-01\",\"to\":\"2025-01-01\"}", "{\"period\":\"custom\"}", "{\"from\":\"soon\"}",
                "{\"to\":\"2999-01-01\"}", "{\"period\":")) {
            HttpResponse<String> response = post("/api/v1/patterns/analyze", patterns(org), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("code").asString()).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(get("/api/v1/patterns/jobs/not-a-uuid", patterns(org)).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/patterns/organization/" + org + "?kind=magic", patterns(org)).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/patterns/results/organization/" + org + "?period=hourly", patterns(org)).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/patterns/organization/" + org + "?jobId=x", patterns(org)).statusCode()).isEqualTo(400);
    }

    @Test
    void theEndpointsNeedThePatternsPermission() {
        String org = newOrganization();
        String interactionsOnly = token(org, Permission.INTERACTIONS);
        assertThat(post("/api/v1/patterns/analyze", interactionsOnly, null).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/patterns/organization/" + org, interactionsOnly).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/patterns/results/organization/" + org, interactionsOnly).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/patterns/analyze", null, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/patterns/analyze", token(null, Permission.PATTERNS), null).statusCode()).isEqualTo(403);
    }

    @Test
    void anOrganizationWithoutResultsHasNoPatternsYet() {
        String org = newOrganization();
        JsonNode page = json(get("/api/v1/patterns/organization/" + org, patterns(org)));
        assertThat(page.get("data").size()).isZero();
        assertThat(page.get("pagination").get("total").asLong()).isZero();
    }
}
