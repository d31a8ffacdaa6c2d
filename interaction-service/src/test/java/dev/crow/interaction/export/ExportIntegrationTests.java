package dev.crow.interaction.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.demo.SyntheticInteraction;
import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.interaction.support.InteractionServiceIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIntegrationTests extends InteractionServiceIntegrationTest {

    private String org;
    private SyntheticInteractions data;

    @BeforeAll
    void loadDemoData() {
        org = newOrganization();
        JsonNode loaded = loadDemo(org, 3, 10);
        data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(3,
                LocalDate.parse(loaded.get("firstDay").asString()), 10));
    }

    private List<String> exportLines(String query) {
        HttpResponse<String> response = internalGet("/internal/interactions/export?organizationId=" + org + query);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        return response.body().lines().toList();
    }

    @Test
    void streamsEveryInteractionAsTheGeneratorRendersItInTimeOrder() {
        Map<String, JsonNode> expected = new HashMap<>();
        for (SyntheticInteraction interaction : data) {
            expected.put(interaction.id(), JSON.readTree(interaction.toJson()));
        }
        List<String> lines = exportLines("");
        assertThat(lines).hasSize(expected.size());
        Instant previous = Instant.MIN;
        for (String line : lines) {
            JsonNode exported = JSON.readTree(line);
            assertThat(exported).isEqualTo(expected.get(exported.get("id").asString()));
            Instant at = Instant.parse(exported.get("occurredAt").asString());
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
        }
    }

    @Test
    void exportsOnlyTheWindow() {
        LocalDate day = data.settings().firstDay().plusDays(4);
        List<String> lines = exportLines("&from=" + day + "&to=" + day.plusDays(1));
        assertThat(lines).hasSize(data.day(4).size());
        assertThat(exportLines("&from=2001-01-01&to=2001-01-02")).isEmpty();
    }

    @Test
    void listsOrganizationsWithData() {
        String other = newOrganization();
        loadDemo(other, 4, 2);
        JsonNode all = json(internalGet("/internal/interactions/organizations"));
        assertThat(all.get("organizationIds").toString()).contains(org, other);
        JsonNode recent = json(internalGet("/internal/interactions/organizations?since=" + data.settings().firstDay()));
        assertThat(recent.get("organizationIds").toString()).contains(org, other);
        JsonNode future = json(internalGet("/internal/interactions/organizations?since="
                + LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)));
        assertThat(future.get("organizationIds").toString()).doesNotContain(org).doesNotContain(other);
    }

    @Test
    void internalEndpointsNeedTheServiceKeyNotAUserToken() {
        String path = "/internal/interactions/export?organizationId=" + org;
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, fullAccess(org)).statusCode()).isEqualTo(401);
        HttpResponse<String> wrongKey = send(HttpRequest.newBuilder(uri(path)).GET(), null,
                Map.of("X-Service-API-Key", "not-the-key-but-long-enough-0123456789"));
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(get("/internal/interactions/organizations", fullAccess(org)).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/internal/interactions/demo?organizationId=" + org))
                .POST(HttpRequest.BodyPublishers.noBody()), fullAccess(org), Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsMalformedParameters() {
        assertThat(internalGet("/internal/interactions/export").statusCode()).isEqualTo(400);
        assertThat(internalGet("/internal/interactions/export?organizationId=a%20b").statusCode()).isEqualTo(400);
        assertThat(internalGet("/internal/interactions/export?organizationId=" + org + "&from=x").statusCode())
                .isEqualTo(400);
        assertThat(internalGet("/internal/interactions/organizations?since=x").statusCode()).isEqualTo(400);
        assertThat(internalPost("/internal/interactions/demo?organizationId=" + org + "&days=0").statusCode())
                .isEqualTo(400);
    }

    @Test
    void loadingTheDemoDataAgainStoresNothingNew() {
        JsonNode again = loadDemo(org, 3, 10);
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(exportLines("").size());
    }
}
