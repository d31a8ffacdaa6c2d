package dev.crow.product.search;

import java.util.List;
import java.util.UUID;

/**
 * Nearest products by embedding, per organization. Vectors are unit length, so the dot product
 * is the cosine similarity. Implementations: pgvector (HNSW) where the server has it, else an
 * exact in-JVM scan.
 */
interface VectorIndex {

    record Hit(UUID productId, float score) {
    }

    void upsert(String organizationId, UUID productId, float[] vector);

    void remove(String organizationId, UUID productId);

    /** The {@code k} best matches, best first. */
    List<Hit> search(String organizationId, float[] query, int k);

    /** Whether the index reflects the stored vectors yet (the in-JVM one loads after startup). */
    boolean ready();

    String name();
}
