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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ProductImagesIntegrationTests extends ProductServiceTest {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductImages images;

    private UUID productWithImages(String org, FixtureServer server, String... paths) throws FetchException {
        UUID product = catalog.record(org, null, new ProductDraft("Two-tone Lamp", null, null, null, null, null, null,
                null, List.of(), "https://lamps.example/" + UUID.randomUUID(), List.of(), "json-ld")).id();
        List<String> urls = java.util.Arrays.stream(paths).map(server::url).toList();
        ProductImages.Attached attached = images.attach(org, product, urls, TargetUrl.parse(server.url("/")).origin());
        assertThat(attached.stored()).as(attached.errors().toString()).isEqualTo(paths.length);
        return product;
    }

    @Test
    void servesStoredImagesPubliclyWithLongLivedCacheHeaders() throws FetchException {
        String org = newOrganization();
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/lamp.png", Reply.of(200, "application/octet-stream",
                    TestImages.split("png", 40, 20, Color.RED, Color.BLUE)));
            UUID product = productWithImages(org, server, "/lamp.png");
            JsonNode view = json(get("/api/v1/products/" + product, token(org)));
            JsonNode image = view.path("images").get(0);
            assertThat(image.path("width").asInt()).isEqualTo(40);
            assertThat(image.path("height").asInt()).isEqualTo(20);
            String url = image.path("url").asString();

            HttpResponse<byte[]> response = getBytes(url);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).isEqualTo("\"" + image.path("key").asString() + "\"");
            assertThat(ImageType.sniff(response.body())).hasValue(ImageType.PNG);

            HttpResponse<byte[]> revalidated = getBytes(url, "If-None-Match", etag);
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
        }
    }

    @Test
    void unknownAndMalformedKeysAreNotFoundAndNeverLeaveTheImageDirectory() {
        for (String key : List.of("0".repeat(32) + ".png", "..%2F..%2F..%2Fetc%2Fpasswd", "..%5c..%5cwindows",
                "%2e%2e%2fapplication.yml", "A".repeat(32) + ".png", "0".repeat(32) + ".svg", "0".repeat(31) + ".png",
                "0".repeat(32) + ".png%00.txt", "0".repeat(32) + ".PNG", "0".repeat(32))) {
            HttpResponse<byte[]> response = getBytes("/api/v1/products/images/" + key);
            assertThat(response.statusCode()).as(key).isIn(400, 404);
            assertThat(new String(response.body())).doesNotContain("root:");
        }
    }

    @Test
    void describesImagesOfflineWhenNoVisionModelIsConfigured() throws FetchException {
        String org = newOrganization();
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/half.png", Reply.of(200, "image/png", TestImages.split("png", 100, 50, Color.BLACK, Color.WHITE)));
            server.route("/flat.jpg", Reply.of(200, "image/jpeg", TestImages.solid("jpg", 30, 30, new Color(0, 128, 0))));
            UUID product = productWithImages(org, server, "/half.png", "/flat.jpg");

            HttpResponse<String> response = get("/api/v1/products/" + product + "/ai-descriptions", token(org));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.path("source").asString()).isEqualTo("offline-features");
            assertThat(body.path("data")).hasSize(2);
            JsonNode half = body.path("data").get(0);
            assertThat(half.path("source").asString()).isEqualTo("offline-features");
            assertThat(half.path("caption").isNull()).isTrue();
            JsonNode features = half.path("features");
            assertThat(features.path("width").asInt()).isEqualTo(100);
            assertThat(features.path("height").asInt()).isEqualTo(50);
            assertThat(features.path("brightness").asDouble()).isBetween(0.45, 0.55);
            assertThat(features.path("contrast").asDouble()).isBetween(0.45, 0.55);
            List<String> colours = new java.util.ArrayList<>();
            features.path("dominantColours").forEach(c -> colours.add(c.path("hex").asString()));
            assertThat(colours).contains("#000000", "#ffffff");
            JsonNode flat = body.path("data").get(1).path("features");
            assertThat(flat.path("contrast").asDouble()).isLessThan(0.02);
            assertThat(flat.path("sharpness").asDouble()).isLessThan(0.001);

            // computed once, then served as stored
            assertThat(json(get("/api/v1/products/" + product + "/ai-descriptions", token(org))).path("data").get(0)
                    .path("generatedAt").asString()).isEqualTo(half.path("generatedAt").asString());
        }
    }

    @Test
    void keepsOnlyRealImagesWithinTheSizeLimit() throws FetchException {
        String org = newOrganization();
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/svg.png", Reply.text("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"));
            server.route("/huge.png", Reply.of(200, "image/png", new byte[6 * 1024 * 1024]));
            server.route("/missing.png", Reply.of(404, "text/plain", "gone".getBytes()));
            UUID product = catalog.record(org, null, new ProductDraft("Lamp", null, null, null, null, null, null, null,
                    List.of(), "https://lamps.example/x", List.of(), "json-ld")).id();
            ProductImages.Attached attached = images.attach(org, product,
                    List.of(server.url("/svg.png"), server.url("/huge.png"), server.url("/missing.png")),
                    TargetUrl.parse(server.url("/")).origin());
            assertThat(attached.stored()).isZero();
            assertThat(attached.errors()).hasSize(3);
            assertThat(String.join("\n", attached.errors())).contains("not a JPEG", "larger than", "HTTP 404");
        }
    }
}
