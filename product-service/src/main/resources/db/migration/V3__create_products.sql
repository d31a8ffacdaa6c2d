-- array_to_string is only STABLE in general; for text[] it is immutable, which a generated column needs.
CREATE FUNCTION join_categories(categories text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_to_string(categories, ' '), '') $$;

CREATE TABLE products (
    id                uuid PRIMARY KEY,
    organization_id   varchar(64)   NOT NULL,
    name              varchar(500)  NOT NULL,
    description       text,
    price             numeric(16, 4),
    currency          char(3),
    availability      varchar(32),
    brand             varchar(200),
    sku               varchar(100),
    gtin              varchar(14),
    categories        text[]        NOT NULL DEFAULT '{}',
    url               varchar(2048) NOT NULL,
    source_image_urls text[]        NOT NULL DEFAULT '{}',
    markup            varchar(16)   NOT NULL,
    crawler_job_id    uuid,
    content_hash      char(64)      NOT NULL,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    search_vector     tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(name, '')), 'A')
            || setweight(to_tsvector('english', coalesce(brand, '') || ' ' || join_categories(categories)), 'B')
            || setweight(to_tsvector('english', coalesce(description, '')), 'C')
    ) STORED
);

-- One product per SKU; products without a SKU are one per canonical URL (variants share a URL).
CREATE UNIQUE INDEX products_organization_sku ON products (organization_id, sku) WHERE sku IS NOT NULL;
CREATE UNIQUE INDEX products_organization_url ON products (organization_id, url) WHERE sku IS NULL;
CREATE INDEX products_organization_created ON products (organization_id, created_at DESC, id);
CREATE INDEX products_search_vector ON products USING gin (search_vector);
