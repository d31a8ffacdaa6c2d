package dev.crow.pattern.job;

import dev.crow.pattern.Period;
import java.time.Instant;
import java.util.UUID;

/** One mining job as stored. {@code origin} is {@code scheduled} or {@code manual}. */
public record MiningJob(
        UUID id,
        String organizationId,
        Period period,
        String origin,
        Instant windowFrom,
        Instant windowTo,
        String status,
        int progress,
        String stage,
        int attempts,
        int maxAttempts,
        UUID claimToken,
        String error,
        long interactionsRead,
        Integer patternsFound,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String SCHEDULED = "scheduled";
    public static final String MANUAL = "manual";
}
