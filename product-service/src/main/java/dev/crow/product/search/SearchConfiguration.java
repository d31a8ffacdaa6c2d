package dev.crow.product.search;

import dev.crow.product.ProductProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    @Bean
    Embedder embedder(ProductProperties properties) {
        return new Embedder(properties.search().modelWait());
    }

    /** pgvector when migration V7 could add its column (the extension exists here), else the in-JVM index. */
    @Bean
    VectorIndex vectorIndex(JdbcClient jdbc) {
        boolean pgvector = jdbc.sql("""
                        SELECT count(*) FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'product_embeddings'
                          AND column_name = 'embedding_vector'
                        """)
                .query(Integer.class).single() > 0;
        VectorIndex index = pgvector ? new PgVectorIndex(jdbc) : new InMemoryVectorIndex(Embedder.DIMENSIONS);
        log.info("vector index: {}", index.name());
        return index;
    }

    @Bean
    @ConditionalOnProperty(name = "crow.product.search.embeddings-enabled", havingValue = "true", matchIfMissing = true)
    EmbeddingWorker embeddingWorker(JdbcClient jdbc, TransactionTemplate transactions, Embedder embedder,
            VectorIndex index, ProductProperties properties) {
        return new EmbeddingWorker(jdbc, transactions, embedder, index, properties);
    }
}
