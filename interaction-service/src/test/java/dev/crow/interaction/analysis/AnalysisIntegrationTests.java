package dev.crow.interaction.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.demo.PlantedPatterns;
import dev.crow.interaction.demo.SyntheticInteraction;
import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.interaction.support.InteractionServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisIntegrationTests extends InteractionServiceIntegrationTest {

    private static final long SEED = 42;
    private static final int DAYS = 28;

    private String org;
    private SyntheticInteractions data;
    private JsonNode report;

    @BeforeAll
    void loadDemoDataAndAnalyze() {
        org = newOrganization();
        JsonNode loaded = loadDemo(org, SEED, DAYS);
        LocalDate firstDay = LocalDate.parse(loaded.get("firstDay").asString());
        data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(SEED, firstDay, DAYS));
        HttpResponse<String> response = post("/api/v1/interactions/organization/" + org + "/analyze",
                fullAccess(org), "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        report = json(response);
    }

    private JsonNode insight(String kind) {
        for (JsonNode insight : report.get("insights")) {
            if (insight.get("kind").asString().equals(kind)) {
                return insight;
            }
        }
        throw new AssertionError("no " + kind + " insight in " + report.get("insights"));
    }

    @Test
    void saysItIsStatisticalWithoutAProvider() {
        assertThat(report.get("method").asString()).isEqualTo("statistical");
        assertThat(report.get("narrative").isNull()).isTrue();
        assertThat(report.get("model").isNull()).isTrue();
    }

    @Test
    void findsExactlyThePlantedSpikeDayAndItsHours() {
        PlantedPatterns planted = data.planted();
        List<String> days = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        for (JsonNode anomaly : report.get("anomalies")) {
            (anomaly.get("granularity").asString().equals("day") ? days : hours).add(anomaly.get("period").asString());
            assertThat(anomaly.get("direction").asString()).isEqualTo("spike");
            assertThat(anomaly.get("modifiedZ").asDouble()).isGreaterThan(3.5);
        }
        assertThat(days).containsExactly(planted.spikeDay().toString());
        assertThat(hours).containsExactly(planted.spikeDay() + "T14:00:00Z", planted.spikeDay() + "T15:00:00Z");
        JsonNode day = report.get("anomalies").get(0);
        assertThat(day.get("deviation").asLong()).isGreaterThan(1000);
        assertThat(day.get("bySource").get("web").asLong()).isGreaterThan(day.get("bySource").get("cctv").asLong());
    }

    @Test
    void summaryCountsMatchTheData() {
        Map<String, Long> bySource = new HashMap<>();
        long total = 0;
        for (SyntheticInteraction interaction : data) {
            bySource.merge(interaction.sourceType(), 1L, Long::sum);
            total++;
        }
        JsonNode summary = report.get("summary");
        assertThat(summary.get("total").asLong()).isEqualTo(total);
        assertThat(summary.get("bySource").get("web").asLong()).isEqualTo(bySource.get("web"));
        assertThat(summary.get("bySource").get("cctv").asLong()).isEqualTo(bySource.get("cctv"));
        assertThat(summary.get("bySource").get("social").asLong()).isEqualTo(bySource.get("social"));
        assertThat(insight("volume").get("evidence").get("total").asLong()).isEqualTo(total);
    }

    @Test
    void funnelIsCountedBySession() {
        Set<String> viewed = new HashSet<>();
        Set<String> carted = new HashSet<>();
        Set<String> purchased = new HashSet<>();
        for (SyntheticInteraction interaction : data) {
            switch (interaction.type()) {
                case "page_view" -> viewed.add(interaction.sessionId());
                case "add_to_cart" -> carted.add(interaction.sessionId());
                case "purchase" -> purchased.add(interaction.sessionId());
                default -> { }
            }
        }
        carted.retainAll(viewed);
        purchased.retainAll(carted);
        JsonNode evidence = insight("funnel").get("evidence");
        assertThat(evidence.get("sessionsWithPageView").asLong()).isEqualTo(viewed.size());
        assertThat(evidence.get("sessionsWithAddToCart").asLong()).isEqualTo(carted.size());
        assertThat(evidence.get("sessionsWithPurchase").asLong()).isEqualTo(purchased.size());
    }

    @Test
    void findsThePlantedPeakHour() {
        JsonNode evidence = insight("peak_hour").get("evidence");
        assertThat(evidence.get("hourUtc").asInt()).isEqualTo(data.planted().peakHourUtc());
        assertThat(evidence.get("lift").asDouble()).isGreaterThan(2);
    }

    @Test
    void ranksTopPagesProductsAndCamerasWithTheirCounts() {
        JsonNode products = insight("top_products").get("evidence").get("items");
        assertThat(products.size()).isEqualTo(5);
        assertThat(products.get(0).get("count").asLong()).isGreaterThanOrEqualTo(products.get(1).get("count").asLong());
        assertThat(insight("top_pages").get("evidence").get("items").get(0).get("key").asString()).isEqualTo("/");
        assertThat(insight("top_cameras").get("evidence").get("items").get(0).get("key").asString())
                .isEqualTo("cam-entrance");
    }

    @Test
    void everyInsightAndRecommendationCitesEvidence() {
        for (JsonNode insight : report.get("insights")) {
            assertThat(insight.get("evidence").isObject()).isTrue();
            assertThat(insight.get("evidence").size()).as(insight.get("kind").asString()).isPositive();
            assertThat(insight.get("detail").asString()).isNotBlank();
        }
        assertThat(report.get("recommendations").size()).isPositive();
        for (JsonNode recommendation : report.get("recommendations")) {
            assertThat(recommendation.get("evidence").size()).isPositive();
        }
        List<String> basedOn = new ArrayList<>();
        report.get("recommendations").forEach(r -> basedOn.add(r.get("basedOn").asString()));
        assertThat(basedOn).contains("funnel", "peak_hour", "anomaly");
    }

    @Test
    void trendsAreStableWhenNothingWasPlanted() {
        for (JsonNode insight : report.get("insights")) {
            if (insight.get("kind").asString().equals("trend")) {
                assertThat(insight.get("evidence").get("direction").asString())
                        .as(insight.toString()).isEqualTo("stable");
            }
        }
    }

    @Test
    void anEmptyOrganizationGetsAnEmptyReport() {
        String empty = newOrganization();
        HttpResponse<String> response = post("/api/v1/interactions/organization/" + empty + "/analyze",
                fullAccess(empty), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("summary").get("total").asLong()).isZero();
        assertThat(body.get("insights").size()).isZero();
        assertThat(body.get("anomalies").size()).isZero();
    }

    @Test
    void analyzesAnExplicitWindowAndRejectsBadOnes() {
        LocalDate spike = data.planted().spikeDay();
        HttpResponse<String> response = post("/api/v1/interactions/organization/" + org + "/analyze",
                fullAccess(org), "{\"from\":\"" + spike + "\",\"to\":\"" + spike.plusDays(1) + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(Instant.parse(body.get("from").asString())).isEqualTo(spike.atStartOfDay(ZoneOffset.UTC).toInstant());
        long dayTotal = 0;
        for (SyntheticInteraction interaction : data.day((int) (spike.toEpochDay() - data.settings().firstDay().toEpochDay()))) {
            dayTotal++;
        }
        assertThat(body.get("summary").get("total").asLong()).isEqualTo(dayTotal);

        for (String bad : List.of("{\"from\":\"2024-01-01\",\"to\":\"2025-06-01\"}", "{\"from\":\"soon\"}",
                "{\"from\":\"2025-02-01\",\"to\":\"2025-01-01\"}", "{\"from\":")) {
            HttpResponse<String> rejected = post("/api/v1/interactions/organization/" + org + "/analyze",
                    fullAccess(org), bad);
            assertThat(rejected.statusCode()).as(bad).isEqualTo(400);
        }
    }
}
