package dev.crow.product.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crow.product.catalog.ProductCatalog;
import dev.crow.product.catalog.ProductDraft;
import dev.crow.product.testing.ProductServiceTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class SearchIntegrationTests extends ProductServiceTest {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    String org;

    @BeforeEach
    void catalogue() {
        org = newOrganization();
        product("Waterproof Hiking Boots", "Leather boots with a waterproof membrane for muddy mountain trails.", "Peak", "Shoes");
        product("Trail Running Shoes", "Light shoes with an aggressive outsole for running off-road.", "Swift", "Shoes");
        product("Insulated Down Jacket", "Warm goose down jacket that keeps you cosy in freezing winter weather.", "Peak", "Jackets");
        product("Rain Shell", "Packable waterproof jacket for wet days in the hills.", "Drizzle", "Jackets");
        product("Stainless Steel Water Bottle", "Keeps drinks cold for 24 hours; leak-proof lid.", "Aqua", "Kitchen");
        product("Two-Person Backpacking Tent", "Freestanding tent for two, sets up in minutes.", "Peak", "Camping");
        product("Sleeping Bag -10", "Mummy sleeping bag rated to minus ten degrees.", "Peak", "Camping");
        product("Camping Stove", "Compact gas stove to boil water and cook meals outdoors.", "Blaze", "Kitchen");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("SELECT count(*) FROM product_embeddings WHERE organization_id = :org").param("org", org)
                        .query(Integer.class).single() == 8);
    }

    private void product(String name, String description, String brand, String category) {
        catalog.record(org, null, new ProductDraft(name, description, new BigDecimal("10"), "EUR", "in_stock", brand,
                null, null, List.of(category), "https://shop.example/" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-"),
                List.of(), "json-ld"));
    }

    private List<String> names(JsonNode response) {
        List<String> names = new ArrayList<>();
        response.path("data").forEach(hit -> names.add(hit.path("product").path("name").asString()));
        return names;
    }

    private JsonNode search(String query) {
        HttpResponse<String> response = get("/api/v1/products/search?" + query, token(org));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void fullTextSearchRanksNameMatchesFirst() {
        JsonNode response = search("q=waterproof&type=fts");
        assertThat(response.path("strategy").asString()).isEqualTo("fts");
        // "Waterproof" in a name (weight A) outranks it in a description (weight C).
        assertThat(names(response)).containsExactly("Waterproof Hiking Boots", "Rain Shell");
    }

    @Test
    void semanticSearchFindsProductsWithoutSharedWords() {
        JsonNode response = search("q=something+to+keep+me+warm+when+it+snows&type=semantic&limit=3");
        assertThat(response.path("strategy").asString()).isEqualTo("semantic");
        assertThat(names(response)).hasSize(3).contains("Insulated Down Jacket");
        assertThat(response.path("data").get(0).path("score").asDouble()).isBetween(-1.0, 1.0);
    }

    @Test
    void hybridSearchFusesBothRankings() {
        JsonNode response = search("q=waterproof+jacket&type=hybrid&limit=5");
        assertThat(response.path("strategy").asString()).isEqualTo("hybrid");
        assertThat(names(response).get(0)).isEqualTo("Rain Shell");
        assertThat(response.path("data").get(0).path("score").asDouble()).isGreaterThan(1.0 / 61);
    }

    @Test
    void hybridFallsBackToSemanticForAQueryOfStopWords() {
        JsonNode hybrid = search("q=the+and+of&type=hybrid");
        assertThat(hybrid.path("strategy").asString()).isEqualTo("semantic");
        assertThat(hybrid.path("data")).isNotEmpty();
        assertThat(search("q=the+and+of&type=fts").path("data")).isEmpty();
    }

    @Test
    void toleratesAnyQuerySyntaxAndDefaultsToHybridWithTenResults() {
        JsonNode response = search("q=%22boots%22+-leather+OR+(tent&limit=1000");
        assertThat(response.path("type").asString()).isEqualTo("hybrid");
        assertThat(response.path("limit").asInt()).isEqualTo(100);
        assertThat(search("q=outdoor+gear").path("data").size()).isLessThanOrEqualTo(10);
    }

    @Test
    void rejectsBadParametersWithPlatformErrors() {
        for (String query : List.of("", "q=", "q=%20%20", "q=tent&type=fuzzy", "q=tent&limit=0", "q=tent&limit=ten",
                "q=" + "a".repeat(501))) {
            HttpResponse<String> response = get("/api/v1/products/search?" + query, token(org));
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).path("code").asString()).isEqualTo("VALIDATION_ERROR");
        }
    }

    @Test
    void reembedsAProductWhenItsTextChanges() {
        String before = jdbc.sql("SELECT e.content_hash FROM product_embeddings e JOIN products p ON p.id = e.product_id "
                + "WHERE p.organization_id = :org AND p.name = 'Camping Stove'").param("org", org).query(String.class).single();
        catalog.record(org, null, new ProductDraft("Camping Stove", "Titanium alcohol burner, ultralight.", null, null, null,
                "Blaze", null, null, List.of("Kitchen"), "https://shop.example/camping-stove", List.of(), "json-ld"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !before.equals(
                jdbc.sql("SELECT e.content_hash FROM product_embeddings e JOIN products p ON p.id = e.product_id "
                        + "WHERE p.organization_id = :org AND p.name = 'Camping Stove'").param("org", org)
                        .query(String.class).single()));
        assertThat(names(search("q=ultralight+titanium+burner&type=semantic&limit=1"))).containsExactly("Camping Stove");
    }
}
