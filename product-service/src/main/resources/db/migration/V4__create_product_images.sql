CREATE TABLE product_images (
    id              uuid PRIMARY KEY,
    product_id      uuid          NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    organization_id varchar(64)   NOT NULL,
    object_key      varchar(64)   NOT NULL UNIQUE,
    source_url      varchar(2048) NOT NULL,
    content_type    varchar(32)   NOT NULL,
    size_bytes      integer       NOT NULL,
    width           integer,
    height          integer,
    sha256          char(64)      NOT NULL,
    position        integer       NOT NULL,
    created_at      timestamptz   NOT NULL,
    UNIQUE (product_id, source_url)
);

CREATE INDEX product_images_product ON product_images (product_id, position);
