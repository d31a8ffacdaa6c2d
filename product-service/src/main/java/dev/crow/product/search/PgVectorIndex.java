package dev.crow.product.search;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * pgvector's HNSW index over the {@code embedding_vector} column that migration V7 adds where
 * the extension exists. The {@code real[]} column stays the source of truth; this mirrors it.
 * {@code <#>} is the negative inner product, so ascending order is best first.
 */
class PgVectorIndex implements VectorIndex {

    private final JdbcClient jdbc;

    PgVectorIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The worker has just written the {@code real[]}; pgvector casts it server-side. */
    @Override
    public void upsert(String organizationId, UUID productId, float[] vector) {
        jdbc.sql("UPDATE product_embeddings SET embedding_vector = CAST(embedding AS vector) WHERE product_id = :id")
                .param("id", productId).update();
    }

    @Override
    public void remove(String organizationId, UUID productId) {
        // The row goes with the product (ON DELETE CASCADE); nothing else holds the vector.
    }

    @Override
    public List<Hit> search(String organizationId, float[] query, int k) {
        return jdbc.sql("SELECT product_id, -(embedding_vector <#> CAST(:q AS vector)) AS score FROM product_embeddings "
                        + "WHERE organization_id = :org AND embedding_vector IS NOT NULL "
                        + "ORDER BY embedding_vector <#> CAST(:q AS vector) LIMIT :k")
                .param("q", literal(query)).param("org", organizationId).param("k", k)
                .query((rs, n) -> new Hit((UUID) rs.getObject("product_id"), rs.getFloat("score")))
                .list();
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public String name() {
        return "pgvector";
    }

    private static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }
}
