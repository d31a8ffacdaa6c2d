-- What went wrong during a crawl, per URL; capped per job by the crawler.
CREATE TABLE crawler_job_errors (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id      uuid          NOT NULL REFERENCES crawler_jobs (id) ON DELETE CASCADE,
    url         varchar(2048),
    message     varchar(500)  NOT NULL,
    occurred_at timestamptz   NOT NULL
);

CREATE INDEX crawler_job_errors_job ON crawler_job_errors (job_id, id);
