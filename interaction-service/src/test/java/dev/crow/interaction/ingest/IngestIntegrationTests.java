package dev.crow.interaction.ingest;

import static dev.crow.interaction.support.Interactions.batch;
import static dev.crow.interaction.support.Interactions.pageViews;
import static dev.crow.interaction.support.Interactions.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.support.InteractionServiceIntegrationTest;
import dev.crow.platform.security.Permission;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IngestIntegrationTests extends InteractionServiceIntegrationTest {

    private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

    private long stored(String organizationId) {
        return jdbc.queryForObject("SELECT count(*) FROM interactions.interaction WHERE organization_id = ?", Long.class,
                organizationId);
    }

    @Test
    void storesASingleInteractionForTheCallersOrganization() {
        String org = newOrganization();
        HttpResponse<String> response = post("/api/v1/interactions", fullAccess(org),
                web("one", "page_view", AN_HOUR_AGO, "https://shop.example/"));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("acceptedCount").asInt()).isEqualTo(1);
        assertThat(body.get("accepted").get(0).asString()).isEqualTo("one");
        assertThat(body.get("duplicateCount").asInt()).isZero();
        assertThat(stored(org)).isEqualTo(1);
    }

    @Test
    void storesABatchOfAThousandInOneRequest() {
        String org = newOrganization();
        HttpResponse<String> response = post("/api/v1/interactions", fullAccess(org),
                batch(pageViews("b", 1000, AN_HOUR_AGO)));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("acceptedCount").asInt()).isEqualTo(1000);
        assertThat(stored(org)).isEqualTo(1000);
    }

    @Test
    void aResendIsReportedAsDuplicatesAndChangesNothing() {
        String org = newOrganization();
        String body = batch(pageViews("r", 10, AN_HOUR_AGO));
        assertThat(post("/api/v1/interactions", fullAccess(org), body).statusCode()).isEqualTo(201);

        List<String> mixed = new ArrayList<>(pageViews("r", 10, AN_HOUR_AGO).subList(0, 3));
        mixed.add(web("new-1", "click", AN_HOUR_AGO, "/cart"));
        HttpResponse<String> resend = post("/api/v1/interactions", fullAccess(org), body);
        HttpResponse<String> partly = post("/api/v1/interactions", fullAccess(org), batch(mixed));

        assertThat(resend.statusCode()).isEqualTo(200);
        assertThat(json(resend).get("duplicateCount").asInt()).isEqualTo(10);
        assertThat(json(resend).get("acceptedCount").asInt()).isZero();
        assertThat(partly.statusCode()).isEqualTo(201);
        assertThat(json(partly).get("accepted").toString()).isEqualTo("[\"new-1\"]");
        assertThat(json(partly).get("duplicates").toString()).isEqualTo("[\"r-0\",\"r-1\",\"r-2\"]");
        assertThat(stored(org)).isEqualTo(11);
    }

    @Test
    void anIdRepeatedWithinOneBatchIsStoredOnce() {
        String org = newOrganization();
        HttpResponse<String> response = post("/api/v1/interactions", fullAccess(org), batch(List.of(
                web("same", "page_view", AN_HOUR_AGO, "/a"), web("same", "click", AN_HOUR_AGO, "/a"))));
        assertThat(json(response).get("accepted").toString()).isEqualTo("[\"same\"]");
        assertThat(json(response).get("duplicates").toString()).isEqualTo("[\"same\"]");
        assertThat(stored(org)).isEqualTo(1);
    }

    @Test
    void idsAreIdempotentPerOrganizationNotAcrossOrganizations() {
        String first = newOrganization();
        String second = newOrganization();
        String body = web("shared-id", "page_view", AN_HOUR_AGO, "/");
        assertThat(post("/api/v1/interactions", fullAccess(first), body).statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/interactions", fullAccess(second), body).statusCode()).isEqualTo(201);
    }

    @Test
    void oneInvalidItemRejectsTheWholeBatchAndNamesTheItem() {
        String org = newOrganization();
        List<String> items = new ArrayList<>(pageViews("v", 20, AN_HOUR_AGO));
        items.set(12, items.get(12).replaceAll("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"yesterday\""));
        items.set(15, items.get(15).replace("\"page_view\"", "\"PageView\""));
        HttpResponse<String> response = post("/api/v1/interactions", fullAccess(org), batch(items));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.get("error").asString())
                .isEqualTo("Invalid request parameters: interactions[12].occurredAt, interactions[15].type");
        assertThat(stored(org)).isZero();
    }

    @Test
    void rejectsInteractionsTooFarInTheFuture() {
        String org = newOrganization();
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        Instant inAMinute = Instant.now().plus(Duration.ofMinutes(1));
        assertThat(post("/api/v1/interactions", fullAccess(org), web("f", "page_view", inAnHour, "/")).statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/interactions", fullAccess(org), web("g", "page_view", inAMinute, "/")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void acceptsCctvInteractionsThroughTheSamePath() {
        String org = newOrganization();
        String visit = "{\"id\":\"c1\",\"sourceType\":\"cctv\",\"type\":\"visit\",\"occurredAt\":\"" + AN_HOUR_AGO
                + "\",\"cameraId\":\"cam-entrance\",\"metadata\":{\"people\":2}}";
        String noCamera = "{\"sourceType\":\"cctv\",\"type\":\"visit\",\"occurredAt\":\"" + AN_HOUR_AGO + "\"}";
        assertThat(post("/api/v1/interactions", fullAccess(org), visit).statusCode()).isEqualTo(201);
        HttpResponse<String> rejected = post("/api/v1/interactions", fullAccess(org), noCamera);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(json(rejected).get("error").asString()).endsWith(": cameraId");
    }

    @Test
    void anInteractionWithoutIdGetsOne() {
        String org = newOrganization();
        String mention = "{\"sourceType\":\"social\",\"type\":\"mention\",\"occurredAt\":\"" + AN_HOUR_AGO
                + "\",\"channel\":\"instagram\"}";
        HttpResponse<String> response = post("/api/v1/interactions", fullAccess(org), mention);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("accepted").get(0).asString()).hasSize(36);
    }

    @Test
    void anIngestOnlyKeyCanWriteButNotRead() {
        String org = newOrganization();
        String ingestOnly = token(org, Permission.INTERACTIONS_INGEST);
        assertThat(post("/api/v1/interactions", ingestOnly, web("w", "page_view", AN_HOUR_AGO, "/")).statusCode())
                .isEqualTo(201);
        assertThat(get("/api/v1/interactions/organization/" + org, ingestOnly).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/interactions/organization/" + org + "/summary", ingestOnly).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/interactions/organization/" + org + "/analyze", ingestOnly, "{}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusesCallersWithoutTheInteractionsPermissionOrToken() {
        String org = newOrganization();
        String body = web("x", "page_view", AN_HOUR_AGO, "/");
        HttpResponse<String> noPermission = post("/api/v1/interactions", token(org, Permission.PATTERNS), body);
        HttpResponse<String> anonymous = post("/api/v1/interactions", null, body);
        assertThat(noPermission.statusCode()).isEqualTo(403);
        assertThat(json(noPermission).get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(stored(org)).isZero();
    }

    @Test
    void aBodyOverTheLimitIs413AndBadJsonOrContentTypeIs4xx() {
        String org = newOrganization();
        String huge = "{\"interactions\":[" + "{\"x\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}]}";
        assertThat(post("/api/v1/interactions", fullAccess(org), huge).statusCode()).isEqualTo(413);
        assertThat(post("/api/v1/interactions", fullAccess(org), "{\"interactions\":[").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/interactions", fullAccess(org), "[]").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/interactions", fullAccess(org), "{\"interactions\":[]}").statusCode()).isEqualTo(400);
        HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/api/v1/interactions"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")),
                fullAccess(org), Map.of());
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void moreThanAThousandPerRequestIsRejected() {
        String org = newOrganization();
        HttpResponse<String> response = post("/api/v1/interactions", fullAccess(org),
                batch(pageViews("m", 1001, AN_HOUR_AGO)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).contains("interactions (at most 1000 per request)");
    }

    @Test
    void anOrganizationIdInTheBodyIsRejectedNotApplied() {
        String org = newOrganization();
        String other = newOrganization();
        String body = "{\"interactions\":[{\"sourceType\":\"web\",\"type\":\"page_view\",\"occurredAt\":\""
                + AN_HOUR_AGO + "\",\"url\":\"/\",\"organizationId\":\"" + other + "\"}]}";
        HttpResponse<String> response = post("/api/v1/interactions", fullAccess(org), body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).endsWith("interactions[0].organizationId");
        assertThat(stored(other)).isZero();
    }
}
