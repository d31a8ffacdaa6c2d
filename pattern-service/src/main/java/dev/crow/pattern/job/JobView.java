package dev.crow.pattern.job;

import java.time.Instant;
import java.util.UUID;

/** A job's status as the API shows it; {@code results} links to its patterns once it succeeded. */
record JobView(
        UUID id,
        String organizationId,
        String period,
        String origin,
        Instant from,
        Instant to,
        String status,
        int progress,
        String stage,
        int attempts,
        String error,
        long interactionsRead,
        Integer patternsFound,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String results) {

    static JobView of(MiningJob job) {
        String results = MiningJob.SUCCEEDED.equals(job.status())
                ? "/api/v1/patterns/organization/" + job.organizationId() + "?jobId=" + job.id()
                : null;
        return new JobView(job.id(), job.organizationId(), job.period().wireName(), job.origin(), job.windowFrom(),
                job.windowTo(), job.status(), job.progress(), job.stage(), job.attempts(), job.error(),
                job.interactionsRead(), job.patternsFound(), job.createdAt(), job.startedAt(), job.finishedAt(), results);
    }
}
