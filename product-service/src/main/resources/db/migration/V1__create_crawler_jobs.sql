-- A crawler job is both the client-visible record and the queue entry a worker claims with
-- FOR UPDATE SKIP LOCKED, so jobs survive restarts and run once across instances.
CREATE TABLE crawler_jobs (
    id               uuid PRIMARY KEY,
    organization_id  varchar(64)   NOT NULL,
    created_by       varchar(64),
    source_type      varchar(16)   NOT NULL CHECK (source_type IN ('url', 'sitemap')),
    source_value     varchar(2048) NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    progress         real          NOT NULL DEFAULT 0,
    pages_fetched    integer       NOT NULL DEFAULT 0,
    pages_discovered integer       NOT NULL DEFAULT 0,
    products_found   integer       NOT NULL DEFAULT 0,
    images_stored    integer       NOT NULL DEFAULT 0,
    error_count      integer       NOT NULL DEFAULT 0,
    failure_reason   varchar(500),
    attempts         integer       NOT NULL DEFAULT 0,
    worker_id        varchar(100),
    heartbeat_at     timestamptz,
    created_at       timestamptz   NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz   NOT NULL
);

CREATE INDEX crawler_jobs_queued ON crawler_jobs (created_at) WHERE status = 'queued';
CREATE INDEX crawler_jobs_running ON crawler_jobs (organization_id) WHERE status = 'running';
CREATE INDEX crawler_jobs_organization ON crawler_jobs (organization_id, created_at DESC, id);
