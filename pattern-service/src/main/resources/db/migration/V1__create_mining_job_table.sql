-- The job queue. Workers claim queued jobs with FOR UPDATE SKIP LOCKED, prove they are alive
-- with heartbeat_at, and finish only while they still hold claim_token (a job re-queued from a
-- stalled worker cannot be completed twice).
CREATE TABLE mining_job (
    id                uuid         PRIMARY KEY,
    organization_id   varchar(64)  NOT NULL,
    period            varchar(16)  NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly', 'yearly', 'custom')),
    origin            varchar(16)  NOT NULL CHECK (origin IN ('scheduled', 'manual')),
    window_from       timestamptz  NOT NULL,
    window_to         timestamptz  NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    progress          smallint     NOT NULL DEFAULT 0,
    stage             varchar(32),
    attempts          integer      NOT NULL DEFAULT 0,
    max_attempts      integer      NOT NULL,
    run_after         timestamptz  NOT NULL DEFAULT now(),
    claim_token       uuid,
    worker            varchar(128),
    heartbeat_at      timestamptz,
    error             varchar(500),
    interactions_read bigint       NOT NULL DEFAULT 0,
    patterns_found    integer,
    requested_by      varchar(128),
    created_at        timestamptz  NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz
);

CREATE INDEX mining_job_queue_idx ON mining_job (run_after, created_at) WHERE status = 'queued';
CREATE INDEX mining_job_running_idx ON mining_job (heartbeat_at) WHERE status = 'running';
CREATE INDEX mining_job_organization_idx ON mining_job (organization_id, created_at DESC);
-- a scheduled period is mined once per organization, however many instances enqueue it
CREATE UNIQUE INDEX mining_job_scheduled_once_idx ON mining_job (organization_id, period, window_from)
    WHERE origin = 'scheduled';
