package dev.crow.product.testing;

import dev.crow.product.testing.FixtureServer.Reply;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A small outdoor shop served on loopback from the HTML files under
 * {@code src/test/resources/fixtures/shop}: JSON-LD, microdata and OpenGraph product pages, a
 * category page, robots.txt with a disallowed area, a sitemap with a page nothing links to,
 * a duplicate product under a second URL, and images (one of them HTML pretending to be PNG).
 */
public final class FixtureShop {

    private FixtureShop() {
    }

    public static FixtureServer start() {
        FixtureServer server = FixtureServer.start();
        String base = "http://127.0.0.1:" + server.port();
        page(server, base, "/robots.txt", "robots.txt", "text/plain");
        page(server, base, "/sitemap.xml", "sitemap.xml", "application/xml");
        page(server, base, "/", "index.html", "text/html; charset=utf-8");
        page(server, base, "/about", "about.html", "text/html");
        page(server, base, "/category/camping", "category-camping.html", "text/html");
        page(server, base, "/products/trail-runner", "trail-runner.html", "text/html");
        page(server, base, "/products/trail-runner-red", "trail-runner-red.html", "text/html");
        page(server, base, "/products/alpine-tent", "alpine-tent.html", "text/html");
        page(server, base, "/products/camp-mug", "camp-mug.html", "text/html");
        page(server, base, "/products/headlamp", "headlamp.html", "text/html");
        page(server, base, "/private/secret-product", "secret-product.html", "text/html");
        server.route("/images/trail-runner.png", Reply.of(200, "image/png",
                TestImages.split("png", 64, 48, new Color(200, 30, 30), new Color(20, 20, 200))));
        server.route("/images/tent.jpg", Reply.of(200, "image/jpeg",
                TestImages.solid("jpg", 40, 40, new Color(30, 140, 60))));
        server.route("/images/mug.png", Reply.of(200, "image/png",
                TestImages.solid("png", 32, 32, new Color(240, 240, 240))));
        server.route("/images/not-an-image.png", Reply.text("image/png", "<html><script>alert(1)</script></html>"));
        return server;
    }

    private static void page(FixtureServer server, String base, String path, String file, String contentType) {
        try (InputStream in = FixtureShop.class.getResourceAsStream("/fixtures/shop/" + file)) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{BASE}}", base);
            server.route(path, Reply.text(contentType, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
