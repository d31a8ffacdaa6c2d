package dev.crow.product.search;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL full-text search over the weighted {@code search_vector} column (name A, brand and
 * categories B, description C). {@code websearch_to_tsquery} accepts any user input without
 * errors; {@code ts_rank_cd} with normalisation 1 keeps long descriptions from winning by length.
 */
@Component
class FullTextSearch {

    record Hit(UUID productId, double rank) {
    }

    private final JdbcClient jdbc;

    FullTextSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False for queries without a single searchable word (only stop words or punctuation). */
    boolean hasTextPart(String query) {
        return jdbc.sql("SELECT numnode(websearch_to_tsquery('english', :q)) > 0")
                .param("q", query).query(Boolean.class).single();
    }

    List<Hit> search(String organizationId, String query, int limit) {
        return jdbc.sql("""
                        SELECT p.id, ts_rank_cd(p.search_vector, q, 1) AS rank
                        FROM products p, websearch_to_tsquery('english', :q) q
                        WHERE p.organization_id = :org AND p.search_vector @@ q
                        ORDER BY rank DESC, p.id
                        LIMIT :limit
                        """)
                .param("q", query).param("org", organizationId).param("limit", limit)
                .query((rs, n) -> new Hit((UUID) rs.getObject("id"), rs.getDouble("rank")))
                .list();
    }
}
