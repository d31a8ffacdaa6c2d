package dev.crow.product.search;

import dev.crow.product.ProductServiceApplication;
import dev.crow.test.CrowPostgres;
import dev.crow.test.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The product service's beans without a web server, on a fresh embedded PostgreSQL database,
 * for the benchmark mains: what they measure is the production search code, not a copy of it.
 */
final class BenchApplication {

    private BenchApplication() {
    }

    static ConfigurableApplicationContext start(String database, boolean embeddings) {
        TestDatabase db = CrowPostgres.database(database);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", db.jdbcUrl("products"));
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        properties.put("crow.platform.service-key", UUID.randomUUID() + "-" + UUID.randomUUID());
        properties.put("crow.platform.jwt.jwks-uri", "http://127.0.0.1:9/unused-without-a-web-server");
        properties.put("crow.product.crawler.workers", "0");
        properties.put("crow.product.search.embeddings-enabled", String.valueOf(embeddings));
        properties.put("crow.product.search.embedding-poll-interval", "100ms");
        properties.put("crow.product.search.embedding-batch-size", "64");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.crow", "INFO");
        properties.put("spring.main.banner-mode", "off");
        // As command-line arguments, these outrank application.yml (builder properties would not).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ProductServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments);
    }
}
