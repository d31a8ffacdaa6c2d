package dev.crow.interaction.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crow.interaction.support.InteractionServiceIntegrationTest;
import dev.crow.platform.security.Permission;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrackerScriptIntegrationTests extends InteractionServiceIntegrationTest {

    @Test
    void servesTheScriptWithoutAuthenticationAndWithAnEtag() {
        HttpResponse<String> response = get("/api/v1/interactions/tracker.js", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=3600");
        assertThat(response.body()).contains("keepalive: true").contains("X-API-Key");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> revalidated = send(HttpRequest.newBuilder(uri("/api/v1/interactions/tracker.js")).GET(),
                null, Map.of("If-None-Match", etag));
        assertThat(revalidated.statusCode()).isEqualTo(304);
    }

    /**
     * Runs the script in Node against a minimal fake browser, collects what it would send, and
     * posts that to the service with an ingest-only token: the script's payload is valid input.
     */
    @Test
    void theScriptSendsPageViewsAndClicksTheServiceAccepts() throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed");
        Path dir = Files.createTempDirectory("crow-tracker");
        Files.writeString(dir.resolve("tracker.js"), get("/api/v1/interactions/tracker.js", null).body());
        Files.writeString(dir.resolve("browser.js"), FAKE_BROWSER);
        Process node = new ProcessBuilder("node", "browser.js").directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(output).isZero();

        List<JsonNode> requests = new ArrayList<>();
        output.lines().filter(line -> line.startsWith("{")).forEach(line -> requests.add(JSON.readTree(line)));
        assertThat(requests).isNotEmpty();
        JsonNode first = requests.get(0);
        assertThat(first.get("url").asString()).isEqualTo("https://api.crowai.dev/api/v1/interactions");
        assertThat(first.get("keepalive").asBoolean()).isTrue();
        assertThat(first.get("headers").get("X-API-Key").asString()).isEqualTo("crow_ingest_only_example");

        String org = newOrganization();
        List<String> types = new ArrayList<>();
        for (JsonNode request : requests) {
            HttpResponse<String> stored = post("/api/v1/interactions", token(org, Permission.INTERACTIONS_INGEST),
                    request.get("body").asString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            JSON.readTree(request.get("body").asString()).get("interactions")
                    .forEach(item -> types.add(item.get("type").asString()));
        }
        assertThat(types).containsExactly("page_view", "click", "add_to_cart", "page_view");
    }

    private static boolean nodeAvailable() {
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Just enough of a browser for the script: DOM events, storage, history and a recording fetch. */
    private static final String FAKE_BROWSER = """
            const listeners = {};
            const storage = () => { const m = new Map(); return { getItem: k => m.has(k) ? m.get(k) : null, setItem: (k, v) => m.set(k, String(v)) }; };
            const script = { src: 'https://api.crowai.dev/api/v1/interactions/tracker.js',
              getAttribute: name => ({ 'data-key': 'crow_ingest_only_example' })[name] || null };
            const button = { tagName: 'BUTTON', innerText: 'Add  to cart', id: 'buy', href: undefined,
              getAttribute: name => ({ 'data-crow-product': 'p-42' })[name] || null };
            button.closest = selector => selector.includes('data-crow-product') || selector.includes('button') ? button : null;
            const location = { href: 'https://shop.example/products/p-42' };
            global.window = global;
            global.document = { currentScript: script, title: 'Product 42', referrer: '', visibilityState: 'visible',
              addEventListener: (type, fn) => { (listeners['doc:' + type] = listeners['doc:' + type] || []).push(fn); } };
            window.addEventListener = (type, fn) => { (listeners['win:' + type] = listeners['win:' + type] || []).push(fn); };
            Object.defineProperty(global, 'navigator', { value: { doNotTrack: '0' }, configurable: true });
            window.location = location;
            window.localStorage = storage();
            window.history = { pushState() {}, replaceState() {} };
            global.crypto = global.crypto || require('crypto').webcrypto;
            window.fetch = (url, init) => { console.log(JSON.stringify({ url, keepalive: init.keepalive,
              headers: init.headers, body: init.body })); return Promise.resolve({ ok: true, status: 201 }); };
            require('./tracker.js');
            listeners['doc:click'].forEach(fn => fn({ target: button }));
            window.crow.track('add_to_cart', { productId: 'p-42', value: 19.99 });
            window.crow.flush();
            location.href = 'https://shop.example/cart';
            window.history.pushState({}, '', '/cart');
            document.visibilityState = 'hidden';
            listeners['doc:visibilitychange'].forEach(fn => fn());
            """;
}
