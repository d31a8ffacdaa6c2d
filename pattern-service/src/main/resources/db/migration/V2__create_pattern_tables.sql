-- Patterns found by a job, and one periodic result per finished job.
CREATE TABLE pattern (
    id              uuid             PRIMARY KEY,
    job_id          uuid             NOT NULL REFERENCES mining_job (id) ON DELETE CASCADE,
    organization_id varchar(64)      NOT NULL,
    kind            varchar(32)      NOT NULL,
    pattern_key     varchar(600)     NOT NULL,
    title           varchar(600)     NOT NULL,
    period          varchar(16)      NOT NULL,
    window_from     timestamptz      NOT NULL,
    window_to       timestamptz      NOT NULL,
    support         double precision,
    confidence      double precision,
    lift            double precision,
    strength        double precision NOT NULL,
    evidence        jsonb            NOT NULL,
    created_at      timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX pattern_job_idx ON pattern (job_id, kind);

CREATE TABLE pattern_result (
    job_id          uuid        PRIMARY KEY REFERENCES mining_job (id) ON DELETE CASCADE,
    organization_id varchar(64) NOT NULL,
    period          varchar(16) NOT NULL,
    origin          varchar(16) NOT NULL,
    window_from     timestamptz NOT NULL,
    window_to       timestamptz NOT NULL,
    interactions    bigint      NOT NULL,
    sessions        bigint      NOT NULL,
    pattern_counts  jsonb       NOT NULL,
    notes           jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX pattern_result_organization_idx ON pattern_result (organization_id, period, window_from DESC);
