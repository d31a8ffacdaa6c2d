package dev.crow.product.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crow.product.testing.FixtureServer;
import dev.crow.product.testing.ProductServiceTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CrawlerJobIntegrationTests extends ProductServiceTest {

    @Autowired
    JdbcClient jdbc;

    private JsonNode awaitFinished(String organizationId, String jobId) {
        String token = token(organizationId);
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            job[0] = json(get("/api/v1/products/crawler-jobs/" + jobId, token));
            return List.of("completed", "failed", "cancelled").contains(job[0].path("status").asString());
        });
        return job[0];
    }

    private String createJob(String organizationId, String sourceType, String url) {
        HttpResponse<String> created = post("/api/v1/products/crawler-jobs", token(organizationId),
                "{\"sourceType\":\"" + sourceType + "\",\"sourceValue\":\"" + url + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    @Test
    void crawlsTheShopIntoTheCatalogueHonouringRobotsAndSitemap() {
        String org = newOrganization();
        HttpResponse<String> created = post("/api/v1/products/crawler-jobs", token(org),
                "{\"sourceType\":\"url\",\"sourceValue\":\"" + SHOP.url("/") + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode job = json(created);
        assertThat(job.path("status").asString()).isIn("queued", "running");
        assertThat(job.path("organizationId").asString()).isEqualTo(org);

        JsonNode finished = awaitFinished(org, job.path("id").asString());
        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("completed");
        assertThat(finished.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(finished.path("productsFound").asInt()).isEqualTo(4);
        assertThat(finished.path("imagesStored").asInt()).isEqualTo(3);
        assertThat(finished.path("pagesFetched").asInt()).isGreaterThanOrEqualTo(7);
        assertThat(finished.path("errors").toString()).contains("not-an-image.png", "not a JPEG, PNG, GIF or WebP image");

        JsonNode products = json(get("/api/v1/products/organization/" + org, token(org)));
        assertThat(products.path("pagination").path("total").asInt()).isEqualTo(4);
        List<String> names = new ArrayList<>();
        products.path("data").forEach(p -> names.add(p.path("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("Trail Runner", "Alpine Tent 2P", "Enamel Camp Mug", "Headlamp 300");
        assertThat(SHOP.requests()).noneMatch(r -> r.path().startsWith("/private/"));
        assertThat(SHOP.requests()).noneMatch(r -> r.path().endsWith(".pdf"));
        assertThat(SHOP.requests()).anyMatch(r -> r.path().equals("/robots.txt"));

        JsonNode runner = null;
        for (JsonNode p : products.path("data")) {
            if (p.path("sku").asString("").equals("TR-1")) {
                runner = p;
            }
        }
        assertThat(runner).isNotNull();
        assertThat(runner.path("price").decimalValue()).isEqualByComparingTo("129.90");
        assertThat(runner.path("currency").asString()).isEqualTo("EUR");
        assertThat(runner.path("availability").asString()).isEqualTo("in_stock");
        assertThat(runner.path("brand").asString()).isEqualTo("Peak");
        assertThat(runner.path("url").asString()).isEqualTo(SHOP.url("/products/trail-runner"));
        assertThat(runner.path("images")).hasSize(1);
        String imageUrl = runner.path("images").get(0).path("url").asString();
        HttpResponse<byte[]> image = getBytes(imageUrl);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void crawlsFromASitemapAndDeduplicatesAgainstEarlierCrawls() {
        String org = newOrganization();
        JsonNode first = awaitFinished(org, createJob(org, "sitemap", SHOP.url("/sitemap.xml")));
        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("completed");
        assertThat(first.path("productsFound").asInt()).isEqualTo(2);

        JsonNode second = awaitFinished(org, createJob(org, "url", SHOP.url("/")));
        assertThat(second.path("status").asString()).isEqualTo("completed");
        JsonNode products = json(get("/api/v1/products/organization/" + org + "?limit=2&page=1", token(org)));
        assertThat(products.path("pagination").path("total").asInt()).isEqualTo(4);
        assertThat(products.path("pagination").path("totalPages").asInt()).isEqualTo(2);
        assertThat(products.path("data")).hasSize(2);
    }

    @Test
    void failsAJobWhenNoPageOfTheShopCanBeFetched() {
        String org = newOrganization();
        try (FixtureServer empty = FixtureServer.start()) {
            JsonNode job = awaitFinished(org, createJob(org, "url", empty.url("/missing-page")));
            assertThat(job.path("status").asString()).isEqualTo("failed");
            assertThat(job.path("failureReason").asString()).contains("404");
            assertThat(job.path("errors").toString()).contains(empty.url("/missing-page"));
        }
    }

    @Test
    void cancelsQueuedJobsAndRefusesToCancelFinishedOnes() {
        String org = newOrganization();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO crawler_jobs (id, organization_id, source_type, source_value, status, created_at, updated_at) "
                        + "VALUES (:id, :org, 'url', :url, 'completed', now(), now())")
                .param("id", id).param("org", org).param("url", SHOP.url("/")).update();
        HttpResponse<String> finished = post("/api/v1/products/crawler-jobs/" + id + "/cancel", token(org), "");
        assertThat(finished.statusCode()).isEqualTo(409);
        assertThat(json(finished).path("code").asString()).isEqualTo("CONFLICT");

        String queued = createJob(org, "url", SHOP.url("/"));
        HttpResponse<String> cancelled = delete("/api/v1/products/crawler-jobs/" + queued, token(org));
        assertThat(cancelled.statusCode()).isIn(200, 409);
        JsonNode job = awaitFinished(org, queued);
        if (cancelled.statusCode() == 200) {
            assertThat(job.path("status").asString()).isEqualTo("cancelled");
        }
    }

    @Test
    void limitsQueuedJobsPerOrganization() {
        String org = newOrganization();
        // Jobs of this organization are kept queued: two fake running jobs hold its running slots.
        for (int i = 0; i < 2; i++) {
            jdbc.sql("INSERT INTO crawler_jobs (id, organization_id, source_type, source_value, status, worker_id, "
                            + "heartbeat_at, created_at, updated_at) VALUES (:id, :org, 'url', :url, 'running', 'elsewhere', "
                            + "now() + interval '1 hour', now(), now())")
                    .param("id", UUID.randomUUID()).param("org", org).param("url", SHOP.url("/")).update();
        }
        for (int i = 0; i < 20; i++) {
            createJob(org, "url", SHOP.url("/"));
        }
        HttpResponse<String> refused = post("/api/v1/products/crawler-jobs", token(org),
                "{\"sourceType\":\"url\",\"sourceValue\":\"" + SHOP.url("/") + "\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(jdbc.sql("SELECT count(*) FROM crawler_jobs WHERE organization_id = :org AND status = 'running'")
                .param("org", org).query(Integer.class).single()).isEqualTo(2);

        JsonNode page = json(get("/api/v1/products/crawler-jobs/organization/" + org + "?limit=5", token(org)));
        assertThat(page.path("pagination").path("total").asInt()).isEqualTo(22);
        assertThat(page.path("data")).hasSize(5);
        jdbc.sql("UPDATE crawler_jobs SET status = 'cancelled' WHERE organization_id = :org").param("org", org).update();
    }

    @Test
    void requeuesAJobWhoseWorkerStoppedHeartbeatingAndRunsItToCompletion() {
        String org = newOrganization();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO crawler_jobs (id, organization_id, source_type, source_value, status, worker_id, attempts, "
                        + "started_at, heartbeat_at, created_at, updated_at) VALUES (:id, :org, 'url', :url, 'running', "
                        + "'crashed-instance#0', 1, now() - interval '20 minutes', now() - interval '10 minutes', "
                        + "now() - interval '20 minutes', now())")
                .param("id", id).param("org", org).param("url", SHOP.url("/products/headlamp")).update();

        JsonNode job = awaitFinished(org, id.toString());
        assertThat(job.path("status").asString()).isEqualTo("completed");
        // the headlamp page itself, and the tent from the sitemap robots.txt names
        assertThat(job.path("productsFound").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT attempts FROM crawler_jobs WHERE id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void runsEveryJobExactlyOnceWhileSeveralWorkersCompete() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String org = newOrganization();
            UUID id = UUID.randomUUID();
            ids.add(id);
            jdbc.sql("INSERT INTO crawler_jobs (id, organization_id, source_type, source_value, status, created_at, updated_at) "
                            + "VALUES (:id, :org, 'url', :url, 'queued', now(), now())")
                    .param("id", id).param("org", org).param("url", SHOP.url("/products/camp-mug")).update();
        }
        // Extra claimers race the service's own workers for the same rows.
        List<Thread> racers = new ArrayList<>();
        List<UUID> claimedByRacers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 3; t++) {
            Thread racer = new Thread(() -> {
                for (int round = 0; round < 20; round++) {
                    jdbc.sql("UPDATE crawler_jobs SET status = 'completed', worker_id = 'racer', attempts = attempts + 1 "
                                    + "WHERE id = (SELECT id FROM crawler_jobs WHERE status = 'queued' AND id = ANY(:ids) "
                                    + "ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id")
                            .param("ids", ids.toArray(UUID[]::new))
                            .query(UUID.class).optional().ifPresent(claimedByRacers::add);
                }
            });
            racers.add(racer);
            racer.start();
        }
        for (Thread racer : racers) {
            racer.join();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("SELECT count(*) FROM crawler_jobs WHERE id = ANY(:ids) AND status IN ('completed', 'failed')")
                        .param("ids", ids.toArray(UUID[]::new)).query(Integer.class).single() == ids.size());
        List<Integer> attempts = jdbc.sql("SELECT attempts FROM crawler_jobs WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(Integer.class).list();
        assertThat(attempts).hasSize(6).containsOnly(1);
        assertThat(claimedByRacers).doesNotHaveDuplicates();
    }
}
