-- Vectors live in Postgres so they survive restarts and can be re-indexed; the model name and
-- the product's content hash tell the embedding worker which rows are stale.
CREATE TABLE product_embeddings (
    product_id      uuid PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    organization_id varchar(64)  NOT NULL,
    model           varchar(100) NOT NULL,
    content_hash    char(64)     NOT NULL,
    embedding       real[]       NOT NULL,
    updated_at      timestamptz  NOT NULL
);

CREATE INDEX product_embeddings_updated ON product_embeddings (updated_at);
