package dev.crow.product.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.product.testing.ProductServiceTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** With the default configuration (no private networks), crawler jobs for internal targets are refused up front. */
@TestPropertySource(properties = {
        "crow.product.crawler.allow-private-networks=false",
        "crow.product.search.embeddings-enabled=false"
})
class CrawlerJobSsrfIntegrationTests extends ProductServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesJobsForPrivateInternalAndNonHttpTargets() {
        String org = newOrganization();
        int connectionsBefore = SHOP.connections();
        for (String url : List.of(SHOP.url("/"), "http://127.0.0.1/", "http://2130706433/", "http://[::1]/",
                "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/", "http://localhost:8081/",
                "http://10.0.0.8/", "http://[fd00::1]/", "http://example.com@127.0.0.1/", "file:///etc/passwd",
                "gopher://127.0.0.1/", "http://shop.example.com:22/", "not a url")) {
            HttpResponse<String> response = post("/api/v1/products/crawler-jobs", token(org),
                    "{\"sourceType\":\"url\",\"sourceValue\":\"" + url + "\"}");
            assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(400);
            assertThat(json(response).path("code").asString()).isEqualTo("VALIDATION_ERROR");
            assertThat(json(response).path("error").asString()).startsWith("Invalid request parameters: sourceValue");
        }
        assertThat(SHOP.connections()).isEqualTo(connectionsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM crawler_jobs WHERE organization_id = :org").param("org", org)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aRequestCannotSwitchOnPrivateNetworks() {
        String org = newOrganization();
        HttpResponse<String> response = post("/api/v1/products/crawler-jobs", token(org),
                "{\"sourceType\":\"url\",\"sourceValue\":\"" + SHOP.url("/") + "\",\"allowPrivateNetworks\":true,"
                        + "\"crawler\":{\"allowPrivateNetworks\":true},\"crow.product.crawler.allow-private-networks\":true}");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void rejectsMalformedBodies() {
        String org = newOrganization();
        for (String body : List.of("", "{", "[]", "{\"sourceType\":\"ftp\",\"sourceValue\":\"https://example.com\"}",
                "{\"sourceType\":\"url\"}", "{\"sourceValue\":\"https://example.com\"}",
                "{\"sourceType\":\"url\",\"sourceValue\":42}")) {
            HttpResponse<String> response = post("/api/v1/products/crawler-jobs", token(org), body);
            assertThat(response.statusCode()).as(body + " " + response.body()).isEqualTo(400);
        }
    }
}
