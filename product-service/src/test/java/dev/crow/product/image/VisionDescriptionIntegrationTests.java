package dev.crow.product.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.product.catalog.ProductCatalog;
import dev.crow.product.catalog.ProductDraft;
import dev.crow.product.fetch.FetchException;
import dev.crow.product.fetch.TargetUrl;
import dev.crow.product.testing.FixtureServer;
import dev.crow.product.testing.FixtureServer.Reply;
import dev.crow.product.testing.ProductServiceTest;
import dev.crow.product.testing.TestImages;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A vision-capable OpenAI-compatible provider, faked in-test, captions product images. */
@TestPropertySource(properties = "crow.product.search.embeddings-enabled=false")
class VisionDescriptionIntegrationTests extends ProductServiceTest {

    static final FixtureServer PROVIDER = FixtureServer.start();
    static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("crow.product.vision.base-url", () -> "http://127.0.0.1:" + PROVIDER.port() + "/v1");
        registry.add("crow.product.vision.model", () -> "fake-vision-1");
        registry.add("crow.product.vision.api-key", () -> "test-provider-key");
    }

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductImages images;

    @Test
    void captionsEachImageWithTheVisionModelAndSaysSo() throws FetchException {
        PROVIDER.route("/v1/chat/completions", request -> {
            LAST_AUTHORIZATION.set(request.headers().get("authorization"));
            return Reply.text("application/json", "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"A red and blue two-tone desk lamp.\"}}]}");
        });
        String org = newOrganization();
        UUID product = productWithImage(org);

        HttpResponse<String> response = get("/api/v1/products/" + product + "/ai-descriptions", token(org));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("source").asString()).isEqualTo("vision-model");
        JsonNode description = body.path("data").get(0);
        assertThat(description.path("source").asString()).isEqualTo("vision-model");
        assertThat(description.path("caption").asString()).isEqualTo("A red and blue two-tone desk lamp.");
        assertThat(description.path("model").asString()).isEqualTo("fake-vision-1");
        assertThat(description.path("features").path("width").asInt()).isEqualTo(40);
        assertThat(LAST_AUTHORIZATION.get()).isEqualTo("Bearer test-provider-key");
    }

    @Test
    void sendsTheImageInlineAsADataUri() throws FetchException {
        PROVIDER.route("/v1/chat/completions", request -> Reply.text("application/json",
                "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"A lamp.\"}]}}]}"));
        String org = newOrganization();
        UUID product = productWithImage(org);
        int before = PROVIDER.requests().size();
        assertThat(json(get("/api/v1/products/" + product + "/ai-descriptions", token(org))).path("data").get(0)
                .path("caption").asString()).isEqualTo("A lamp.");
        assertThat(PROVIDER.requests().size()).isEqualTo(before + 1);
        FixtureServer.Request call = PROVIDER.requests().get(before);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.target()).isEqualTo("/v1/chat/completions");
        JsonNode sent = JsonMapper.builder().build().readTree(call.body());
        assertThat(sent.path("model").asString()).isEqualTo("fake-vision-1");
        JsonNode parts = sent.path("messages").get(0).path("content");
        assertThat(parts.get(0).path("type").asString()).isEqualTo("text");
        assertThat(parts.get(1).path("type").asString()).isEqualTo("image_url");
        assertThat(parts.get(1).path("image_url").path("url").asString()).startsWith("data:image/png;base64,iVBORw0KGgo");
    }

    @Test
    void fallsBackToOfflineFeaturesWhenTheProviderFailsAndRetriesLater() throws FetchException {
        PROVIDER.route("/v1/chat/completions", Reply.of(500, "application/json", "{\"error\":\"down\"}".getBytes()));
        String org = newOrganization();
        UUID product = productWithImage(org);

        JsonNode failed = json(get("/api/v1/products/" + product + "/ai-descriptions", token(org)));
        assertThat(failed.path("source").asString()).isEqualTo("offline-features");
        assertThat(failed.path("data").get(0).path("caption").isNull()).isTrue();
        assertThat(failed.path("data").get(0).path("features").path("dominantColours")).isNotEmpty();

        PROVIDER.route("/v1/chat/completions", Reply.text("application/json",
                "{\"choices\":[{\"message\":{\"content\":\"Now captioned.\"}}]}"));
        JsonNode recovered = json(get("/api/v1/products/" + product + "/ai-descriptions", token(org)));
        assertThat(recovered.path("source").asString()).isEqualTo("vision-model");
        assertThat(recovered.path("data").get(0).path("caption").asString()).isEqualTo("Now captioned.");
    }

    @Test
    void ignoresGarbageAndOversizedProviderAnswers() throws FetchException {
        for (Reply garbage : List.of(Reply.text("application/json", "not json"),
                Reply.text("application/json", "{\"choices\":[]}"),
                Reply.of(200, "application/json", ("{\"choices\":[{\"message\":{\"content\":\""
                        + "x".repeat(2 << 20) + "\"}}]}").getBytes(StandardCharsets.UTF_8)))) {
            PROVIDER.route("/v1/chat/completions", garbage);
            String org = newOrganization();
            UUID product = productWithImage(org);
            HttpResponse<String> response = get("/api/v1/products/" + product + "/ai-descriptions", token(org));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("source").asString()).isEqualTo("offline-features");
        }
    }

    private UUID productWithImage(String org) throws FetchException {
        try (FixtureServer shop = FixtureServer.start()) {
            shop.route("/lamp.png", Reply.of(200, "image/png", TestImages.split("png", 40, 20, Color.RED, Color.BLUE)));
            UUID product = catalog.record(org, null, new ProductDraft("Desk Lamp", null, null, null, null, null, null, null,
                    List.of(), "https://lamps.example/" + UUID.randomUUID(), List.of(), "json-ld")).id();
            assertThat(images.attach(org, product, List.of(shop.url("/lamp.png")), TargetUrl.parse(shop.url("/")).origin())
                    .stored()).isEqualTo(1);
            return product;
        }
    }
}
