-- One row per interaction. The client-supplied id is unique per organization, which makes
-- ingestion idempotent (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE interaction (
    organization_id varchar(64)   NOT NULL,
    id              varchar(128)  NOT NULL,
    source_type     varchar(16)   NOT NULL CHECK (source_type IN ('web', 'cctv', 'social')),
    type            varchar(48)   NOT NULL,
    occurred_at     timestamptz   NOT NULL,
    received_at     timestamptz   NOT NULL DEFAULT now(),
    visitor_id      varchar(128),
    session_id      varchar(128),
    url             varchar(2048),
    camera_id       varchar(128),
    channel         varchar(128),
    product_id      varchar(128),
    value           double precision,
    metadata        jsonb,
    -- full-text over the text fields; URLs are split at their punctuation so that path words match
    search          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(translate(url, '/.?=&_-:#+%', '           '), '')), 'A')
        || setweight(to_tsvector('simple', coalesce(channel, '') || ' ' || type || ' '
                     || coalesce(product_id, '') || ' ' || coalesce(camera_id, '')), 'B')
        || setweight(jsonb_to_tsvector('simple', coalesce(metadata, '{}'::jsonb), '["string"]'), 'C')
    ) STORED,
    PRIMARY KEY (organization_id, id)
);

-- lists, windows, aggregates and the time-ordered export all scan one organization by time
CREATE INDEX interaction_organization_occurred_idx ON interaction (organization_id, occurred_at);

CREATE INDEX interaction_search_idx ON interaction USING gin (search);
