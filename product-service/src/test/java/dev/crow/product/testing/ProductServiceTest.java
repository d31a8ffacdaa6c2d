package dev.crow.product.testing;

import dev.crow.platform.security.Permission;
import dev.crow.test.CrowPostgres;
import dev.crow.test.TestCallers;
import dev.crow.test.TestJwksConfiguration;
import dev.crow.test.TestJwts;
import dev.crow.test.TestServiceKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product service on a random port against its own embedded PostgreSQL database, called
 * over HTTP with internal JWTs minted by test support, the way the gateway calls it. The fixture
 * shop runs on loopback and is reachable because this context opts in to private networks for a
 * crawl's own start origin; nothing a request sends can switch that on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crow.product.crawler.politeness-delay=0ms",
        "crow.product.crawler.poll-interval=200ms",
        "crow.product.search.embedding-poll-interval=200ms",
        "crow.product.search.model-wait=60s",
        // The embedded PostgreSQL stops in a JVM shutdown hook before Spring closes its contexts; the
        // event registry's destroy() then waits for a connection. 5 s instead of 30 s per context
        // keeps the test JVM's exit within Surefire's 30 s.
        "spring.datasource.hikari.connection-timeout=5000"
})
@TestPropertySource(properties = "crow.product.crawler.allow-private-networks=true")
@Import(TestJwksConfiguration.class)
public abstract class ProductServiceTest {

    protected static final FixtureServer SHOP = FixtureShop.start();
    private static final Path IMAGES = temporaryDirectory();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        CrowPostgres.register(registry, "products");
        TestServiceKeys.register(registry);
        registry.add("crow.platform.storage.local-dir", IMAGES::toString);
    }

    protected static String newOrganization() {
        return "org_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    protected static String token(String organizationId, Permission... permissions) {
        return TestJwts.shared().mint(TestCallers.caller(organizationId, "admin", "starter", permissions));
    }

    protected static String token(String organizationId) {
        return token(organizationId, Permission.PRODUCTS);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> post(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    protected HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("crow-product-images");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
