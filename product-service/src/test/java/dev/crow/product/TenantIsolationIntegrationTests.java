package dev.crow.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.platform.security.Permission;
import dev.crow.product.catalog.ProductCatalog;
import dev.crow.product.catalog.ProductDraft;
import dev.crow.product.testing.ProductServiceTest;
import dev.crow.test.TestJwts;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Organization A's caller against organization B's data, on every endpoint of this service:
 * each answers 403 (or 404 for ids that do not exist) and nothing of B's shows up anywhere.
 */
class TenantIsolationIntegrationTests extends ProductServiceTest {

    /** Every endpoint of the service and how the matrix calls it; the guard test keeps this complete. */
    private static final List<String> MATRIX = List.of(
            "POST /api/v1/products/crawler-jobs",
            "GET /api/v1/products/crawler-jobs/{id}",
            "GET /api/v1/products/crawler-jobs/organization/{orgId}",
            "POST /api/v1/products/crawler-jobs/{id}/cancel",
            "DELETE /api/v1/products/crawler-jobs/{id}",
            "GET /api/v1/products/organization/{orgId}",
            "GET /api/v1/products/{id}",
            "GET /api/v1/products/search",
            "GET /api/v1/products/images/{key}",
            "GET /api/v1/products/{id}/ai-descriptions");

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String orgA;
    String orgB;
    UUID productB;
    UUID jobB;

    @BeforeEach
    void twoOrganizations() {
        orgA = newOrganization();
        orgB = newOrganization();
        productB = catalog.record(orgB, null, new ProductDraft("Zebra Striped Hammock", "A hammock only B sells",
                new BigDecimal("89.00"), "EUR", "in_stock", "Bravo", "B-HAMMOCK", null, List.of("Camping"),
                "https://b.example/hammock", List.of(), "json-ld")).id();
        jobB = UUID.randomUUID();
        jdbc.sql("INSERT INTO crawler_jobs (id, organization_id, source_type, source_value, status, created_at, updated_at) "
                        + "VALUES (:id, :org, 'url', 'https://b.example/', 'queued', now() + interval '1 day', now())")
                .param("id", jobB).param("org", orgB).update();
        // keep B's job out of the workers' hands: it only has to exist
        jdbc.sql("UPDATE crawler_jobs SET status = 'running', worker_id = 'elsewhere', heartbeat_at = now() + interval '1 hour' "
                + "WHERE id = :id").param("id", jobB).update();
    }

    @Test
    void callerOfOneOrganizationCannotReachAnotherOrganizationsData() {
        String a = token(orgA);
        List<HttpResponse<String>> forbidden = List.of(
                get("/api/v1/products/crawler-jobs/" + jobB, a),
                get("/api/v1/products/crawler-jobs/organization/" + orgB, a),
                post("/api/v1/products/crawler-jobs/" + jobB + "/cancel", a, ""),
                delete("/api/v1/products/crawler-jobs/" + jobB, a),
                get("/api/v1/products/organization/" + orgB, a),
                get("/api/v1/products/" + productB, a),
                get("/api/v1/products/" + productB + "/ai-descriptions", a));
        for (HttpResponse<String> response : forbidden) {
            assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(403);
            assertThat(json(response).path("code").asString()).isEqualTo("FORBIDDEN");
            assertThat(response.body()).doesNotContain("Zebra", "b.example", jobB.toString().substring(0, 8) + "-x");
        }
        assertThat(jdbc.sql("SELECT status FROM crawler_jobs WHERE id = :id").param("id", jobB)
                .query(String.class).single()).isEqualTo("running");
    }

    @Test
    void searchOnlySeesTheCallersOwnOrganization() {
        for (String type : List.of("fts", "semantic", "hybrid")) {
            HttpResponse<String> response = get("/api/v1/products/search?q=zebra+striped+hammock&type=" + type, token(orgA));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).path("data")).isEmpty();
        }
        HttpResponse<String> own = get("/api/v1/products/search?q=zebra+striped+hammock&type=fts", token(orgB));
        assertThat(json(own).path("data")).hasSize(1);
    }

    @Test
    void anOrganizationIdInTheBodyIsIgnored() {
        HttpResponse<String> created = post("/api/v1/products/crawler-jobs", token(orgA),
                "{\"sourceType\":\"url\",\"sourceValue\":\"" + SHOP.url("/about") + "\",\"organizationId\":\"" + orgB + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("organizationId").asString()).isEqualTo(orgA);
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedIdsAreBadRequests() {
        String a = token(orgA);
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/api/v1/products/crawler-jobs/" + unknown, "/api/v1/products/" + unknown,
                "/api/v1/products/" + unknown + "/ai-descriptions", "/api/v1/products/images/" + "0".repeat(32) + ".png")) {
            HttpResponse<String> response = get(path, a);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).path("code").asString()).isEqualTo("NOT_FOUND");
        }
        for (String path : List.of("/api/v1/products/crawler-jobs/not-a-uuid", "/api/v1/products/not-a-uuid",
                "/api/v1/products/not-a-uuid/ai-descriptions")) {
            HttpResponse<String> response = get(path, a);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(json(response).path("code").asString()).isEqualTo("VALIDATION_ERROR");
        }
    }

    @Test
    void everyProtectedEndpointNeedsAValidTokenAndTheProductsPermission() {
        String noPermission = token(orgA, Permission.PATTERNS);
        String expired = TestJwts.shared().expired(new dev.crow.platform.security.CallerContext("u", orgA, "admin",
                Set.of(Permission.PRODUCTS), "free", dev.crow.platform.security.AuthMethod.SESSION, null));
        List<String[]> calls = List.of(
                new String[] {"POST", "/api/v1/products/crawler-jobs"},
                new String[] {"GET", "/api/v1/products/crawler-jobs/" + jobB},
                new String[] {"GET", "/api/v1/products/crawler-jobs/organization/" + orgA},
                new String[] {"POST", "/api/v1/products/crawler-jobs/" + jobB + "/cancel"},
                new String[] {"DELETE", "/api/v1/products/crawler-jobs/" + jobB},
                new String[] {"GET", "/api/v1/products/organization/" + orgA},
                new String[] {"GET", "/api/v1/products/" + productB},
                new String[] {"GET", "/api/v1/products/search?q=hammock"},
                new String[] {"GET", "/api/v1/products/" + productB + "/ai-descriptions"});
        for (String[] call : calls) {
            assertThat(call(call, null).statusCode()).as("no token " + call[1]).isEqualTo(401);
            assertThat(call(call, expired).statusCode()).as("expired " + call[1]).isEqualTo(401);
            assertThat(call(call, noPermission).statusCode()).as("no permission " + call[1]).isEqualTo(403);
        }
    }

    @Test
    void theMatrixCoversEveryEndpoint() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/products/") || pattern.endsWith("/health") || pattern.endsWith("/ready")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method + " " + pattern));
            }
        }
        assertThat(new ArrayList<>(mapped)).containsExactlyInAnyOrderElementsOf(MATRIX);
    }

    private HttpResponse<String> call(String[] call, String token) {
        return switch (call[0]) {
            case "POST" -> post(call[1], token, "{\"sourceType\":\"url\",\"sourceValue\":\"https://example.com/\"}");
            case "DELETE" -> delete(call[1], token);
            default -> get(call[1], token);
        };
    }
}
