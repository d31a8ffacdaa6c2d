-- pgvector is optional: where the server offers the extension (and we may create it), vectors are
-- mirrored into an HNSW-indexed column; elsewhere the service keeps an in-JVM index instead.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS vector;
            EXECUTE 'ALTER TABLE product_embeddings ADD COLUMN embedding_vector vector(384)';
            EXECUTE 'CREATE INDEX product_embeddings_hnsw ON product_embeddings '
                 || 'USING hnsw (embedding_vector vector_ip_ops)';
        EXCEPTION WHEN OTHERS THEN
            -- e.g. no privilege to create extensions: the block is rolled back, nothing half-done stays
            RAISE NOTICE 'pgvector is available but could not be set up (%); using the in-JVM vector index', SQLERRM;
        END;
    END IF;
END
$$;
