package dev.crow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Interactions go in through the gateway with an SDK's API key, come back as summaries, and are
 * mined by pattern-service, which reads them from interaction-service over its internal export
 * (issue: the data core).
 */
class DataCoreEndToEndIntegrationTests {

    private static String gateway;

    @BeforeAll
    static void platform() {
        gateway = E2EPlatform.get().gateway();
    }

    /** Forty visitor sessions that all walk home → product → cart and buy two products together. */
    private static List<Map<String, Object>> sessions() {
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> interactions = new ArrayList<>();
        for (int session = 0; session < 40; session++) {
            Instant at = start.plus(session * 7L, ChronoUnit.MINUTES);
            String[] pages = {"/", "/products/espresso-machine", "/cart"};
            for (int step = 0; step < pages.length; step++) {
                interactions.add(interaction("s" + session + "-v" + step, "page_view", at.plusSeconds(step * 30L),
                        session, pages[step], null));
            }
            interactions.add(interaction("s" + session + "-p1", "purchase", at.plusSeconds(120), session, "/cart", "espresso-machine"));
            interactions.add(interaction("s" + session + "-p2", "purchase", at.plusSeconds(121), session, "/cart", "coffee-grinder"));
        }
        return interactions;
    }

    private static Map<String, Object> interaction(String id, String type, Instant at, int session, String url,
            String product) {
        Map<String, Object> interaction = new LinkedHashMap<>();
        interaction.put("id", id);
        interaction.put("sourceType", "web");
        interaction.put("type", type);
        interaction.put("occurredAt", at.toString());
        interaction.put("visitorId", "visitor-" + session);
        interaction.put("sessionId", "session-" + session);
        interaction.put("url", url);
        if (product != null) {
            interaction.put("productId", product);
            interaction.put("value", 120.5);
        }
        return interaction;
    }

    @Test
    void interactionsIngestedThroughTheGatewayAreSummarizedAndMinedIntoPatterns() {
        Accounts.Owner owner = Accounts.owner(gateway);
        Client sdk = new Client(gateway);
        List<Map<String, Object>> batch = sessions();

        Client.Response ingested = sdk.post("/api/v1/interactions", Map.of("interactions", batch), "X-API-Key", owner.apiKey());
        assertThat(ingested.status()).as(ingested.body()).isEqualTo(201);
        assertThat(ingested.json().path("acceptedCount").asInt()).isEqualTo(batch.size());

        Client.Response resent = sdk.post("/api/v1/interactions", Map.of("interactions", batch), "X-API-Key", owner.apiKey());
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().path("duplicateCount").asInt()).isEqualTo(batch.size());

        JsonNode summary = sdk.get("/api/v1/interactions/organization/" + owner.organizationId() + "/summary",
                "X-API-Key", owner.apiKey()).json();
        assertThat(summary.path("web").asInt()).isEqualTo(batch.size());
        assertThat(summary.path("total").asInt()).isEqualTo(batch.size());

        Client.Response analyze = sdk.post("/api/v1/patterns/analyze", Map.of(), "X-API-Key", owner.apiKey());
        assertThat(analyze.status()).as(analyze.body()).isEqualTo(202);
        String job = "/api/v1/patterns/jobs/" + analyze.json().path("jobId").asString();
        String status = awaitJob(sdk, owner.apiKey(), job);
        assertThat(status).isEqualTo("succeeded");

        Client.Response patterns = sdk.get("/api/v1/patterns/organization/" + owner.organizationId() + "?limit=100",
                "X-API-Key", owner.apiKey());
        assertThat(patterns.status()).isEqualTo(200);
        // every session walks the same path: the miner reports it (products bought in every session
        // together have a lift of 1, no pattern at all, so none is expected for them)
        assertThat(patterns.body()).contains("\"kind\":\"navigation_sequence\"",
                "path:/>/products/espresso-machine>/cart");

        Accounts.Owner outsider = Accounts.owner(gateway);
        for (String path : List.of("/api/v1/interactions/organization/" + owner.organizationId(),
                "/api/v1/interactions/organization/" + owner.organizationId() + "/summary",
                "/api/v1/patterns/organization/" + owner.organizationId(),
                "/api/v1/patterns/results/organization/" + owner.organizationId())) {
            Client.Response forbidden = new Client(gateway).get(path, "X-API-Key", outsider.apiKey());
            assertThat(forbidden.status()).as(path).isEqualTo(403);
        }
        assertThat(new Client(gateway).get(job, "X-API-Key", outsider.apiKey()).status()).isIn(403, 404);
    }

    private static String awaitJob(Client sdk, String apiKey, String job) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String status = "queued";
        while (Instant.now().isBefore(deadline)) {
            status = sdk.get(job, "X-API-Key", apiKey).json().path("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return status;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the mining job is still " + status);
    }
}
