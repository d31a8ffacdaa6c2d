package dev.crow.interaction.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.support.InteractionServiceIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InteractionQueryIntegrationTests extends InteractionServiceIntegrationTest {

    private static final Instant BASE = Instant.parse("2025-03-10T12:00:00Z");

    private String org;

    @BeforeEach
    void ingestFive() {
        org = newOrganization();
        String body = "{\"interactions\":["
                + "{\"id\":\"w1\",\"sourceType\":\"web\",\"type\":\"page_view\",\"occurredAt\":\"" + BASE
                + "\",\"url\":\"https://shop.example/products/red-shoes?utm_source=mail\",\"metadata\":{\"title\":\"Red shoes\"}},"
                + "{\"id\":\"w2\",\"sourceType\":\"web\",\"type\":\"search\",\"occurredAt\":\"" + BASE.plusSeconds(60)
                + "\",\"url\":\"/search\",\"metadata\":{\"query\":\"summer dress\"}},"
                + "{\"id\":\"w3\",\"sourceType\":\"web\",\"type\":\"purchase\",\"occurredAt\":\"" + BASE.plusSeconds(120)
                + "\",\"url\":\"/checkout\",\"productId\":\"p-1\",\"value\":19.5},"
                + "{\"id\":\"c1\",\"sourceType\":\"cctv\",\"type\":\"visit\",\"occurredAt\":\"" + BASE.plus(1, ChronoUnit.DAYS)
                + "\",\"cameraId\":\"cam-entrance\"},"
                + "{\"id\":\"s1\",\"sourceType\":\"social\",\"type\":\"mention\",\"occurredAt\":\"" + BASE.plus(2, ChronoUnit.DAYS)
                + "\",\"channel\":\"instagram\",\"metadata\":{\"text\":\"Loved the summer collection\"}}]}";
        assertThat(post("/api/v1/interactions", fullAccess(org), body).statusCode()).isEqualTo(201);
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = get("/api/v1/interactions/organization/" + org + query, fullAccess(org));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void listsNewestFirstInThePlatformPaginationShape() {
        JsonNode page = list("?page=1&limit=2");
        assertThat(ids(page)).containsExactly("s1", "c1");
        JsonNode pagination = page.get("pagination");
        assertThat(pagination.get("page").asInt()).isEqualTo(1);
        assertThat(pagination.get("limit").asInt()).isEqualTo(2);
        assertThat(pagination.get("total").asLong()).isEqualTo(5);
        assertThat(pagination.get("totalPages").asInt()).isEqualTo(3);
        assertThat(ids(list("?page=3&limit=2"))).containsExactly("w1");
    }

    @Test
    void showsEveryFieldOfAnInteraction() {
        JsonNode purchase = list("?type=purchase").get("data").get(0);
        assertThat(purchase.get("organizationId").asString()).isEqualTo(org);
        assertThat(purchase.get("sourceType").asString()).isEqualTo("web");
        assertThat(purchase.get("occurredAt").asString()).isEqualTo("2025-03-10T12:02:00.000Z");
        assertThat(purchase.get("productId").asString()).isEqualTo("p-1");
        assertThat(purchase.get("value").asDouble()).isEqualTo(19.5);
        assertThat(purchase.get("receivedAt").isString()).isTrue();
        JsonNode search = list("?type=search").get("data").get(0);
        assertThat(search.get("metadata").get("query").asString()).isEqualTo("summer dress");
    }

    @Test
    void filtersBySourceTypeAndWindow() {
        assertThat(ids(list("?sourceType=cctv"))).containsExactly("c1");
        assertThat(ids(list("?sourceType=web&from=2025-03-10T12:01:00Z"))).containsExactly("w3", "w2");
        assertThat(ids(list("?from=2025-03-11&to=2025-03-12"))).containsExactly("c1");
    }

    @Test
    void searchesUrlWordsChannelsTypesAndMetadataText() {
        assertThat(ids(list("?q=summer"))).containsExactly("s1", "w2");
        assertThat(ids(list("?q=shoes"))).containsExactly("w1");
        assertThat(ids(list("?q=instagram"))).containsExactly("s1");
        assertThat(ids(list("?q=" + URLEncoder.encode("summer -dress", StandardCharsets.UTF_8)))).containsExactly("s1");
        assertThat(ids(list("?q=" + URLEncoder.encode("\"((( or ''", StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void badParametersAre400NotErrors() {
        for (String query : List.of("?sourceType=tv", "?type=pageview", "?from=yesterday", "?page=0", "?limit=x",
                "?from=2025-03-12&to=2025-03-11", "?q=" + "a".repeat(201))) {
            HttpResponse<String> response = get("/api/v1/interactions/organization/" + org + query, fullAccess(org));
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).get("code").asString()).isEqualTo("VALIDATION_ERROR");
        }
    }

    @Test
    void capsThePageSizeAtAHundred() {
        assertThat(list("?limit=500").get("pagination").get("limit").asInt()).isEqualTo(100);
    }

    @Test
    void summarizesExactlyWebCctvSocialAndTotal() {
        HttpResponse<String> response = get("/api/v1/interactions/organization/" + org + "/summary", fullAccess(org));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"web\":3,\"cctv\":1,\"social\":1,\"total\":5}");
        HttpResponse<String> windowed = get("/api/v1/interactions/organization/" + org
                + "/summary?from=2025-03-11&to=2025-03-13", fullAccess(org));
        assertThat(windowed.body()).isEqualTo("{\"web\":0,\"cctv\":1,\"social\":1,\"total\":2}");
    }
}
