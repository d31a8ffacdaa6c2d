package dev.crow.pattern.job;

import dev.crow.pattern.Period;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code patterns.mining_job} queue. Times are the database's ({@code now()}), so instances agree on staleness. */
@Component
public class MiningJobs {

    private static final String COLUMNS = "id, organization_id, period, origin, window_from, window_to, status, "
            + "progress, stage, attempts, max_attempts, claim_token, error, interactions_read, patterns_found, "
            + "created_at, started_at, finished_at";
    private static final int MAX_ERROR = 500;

    private final JdbcClient jdbc;

    MiningJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues an ad-hoc job. */
    UUID enqueueManual(String organizationId, Period period, Instant from, Instant to, int maxAttempts,
            String requestedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO patterns.mining_job (id, organization_id, period, origin, window_from, window_to, status, "
                        + "max_attempts, requested_by) VALUES (?, ?, ?, 'manual', ?, ?, 'queued', ?, ?)")
                .params(id, organizationId, period.wireName(), utc(from), utc(to), maxAttempts, requestedBy)
                .update();
        return id;
    }

    /** Queues a scheduled period for an organization unless it was queued already; true when queued now. */
    public boolean enqueueScheduled(String organizationId, Period period, Instant from, Instant to, int maxAttempts) {
        return jdbc.sql("INSERT INTO patterns.mining_job (id, organization_id, period, origin, window_from, window_to, "
                        + "status, max_attempts) VALUES (?, ?, ?, 'scheduled', ?, ?, 'queued', ?) "
                        + "ON CONFLICT (organization_id, period, window_from) WHERE origin = 'scheduled' DO NOTHING")
                .params(UUID.randomUUID(), organizationId, period.wireName(), utc(from), utc(to), maxAttempts)
                .update() == 1;
    }

    int activeManual(String organizationId) {
        return jdbc.sql("SELECT count(*) FROM patterns.mining_job WHERE organization_id = ? AND origin = 'manual' "
                        + "AND status IN ('queued', 'running')")
                .param(organizationId).query(Integer.class).single();
    }

    /** Takes the oldest due job, if any; concurrent claimers skip each other's rows instead of waiting. */
    Optional<MiningJob> claim(String worker) {
        return jdbc.sql("UPDATE patterns.mining_job SET status = 'running', attempts = attempts + 1, "
                        + "claim_token = ?, worker = ?, heartbeat_at = now(), started_at = now(), progress = 0, "
                        + "stage = 'queued for reading', error = NULL "
                        + "WHERE id = (SELECT id FROM patterns.mining_job WHERE status = 'queued' AND run_after <= now() "
                        + "ORDER BY run_after, created_at FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING " + COLUMNS)
                .params(UUID.randomUUID(), worker)
                .query(MiningJobs::job).optional();
    }

    void heartbeat(Collection<UUID> claimTokens) {
        if (claimTokens.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE patterns.mining_job SET heartbeat_at = now() WHERE status = 'running' "
                        + "AND claim_token = ANY (?)")
                .param(claimTokens.toArray(new UUID[0])).update();
    }

    void progress(MiningJob job, int progress, String stage, long interactionsRead) {
        jdbc.sql("UPDATE patterns.mining_job SET progress = ?, stage = ?, interactions_read = ?, heartbeat_at = now() "
                        + "WHERE id = ? AND claim_token = ? AND status = 'running'")
                .params(progress, stage, interactionsRead, job.id(), job.claimToken()).update();
    }

    /** Marks the job done; false when this worker no longer holds it (it was re-queued meanwhile). */
    boolean succeed(MiningJob job, long interactionsRead, int patternsFound) {
        return jdbc.sql("UPDATE patterns.mining_job SET status = 'succeeded', progress = 100, stage = 'done', "
                        + "interactions_read = ?, patterns_found = ?, finished_at = now(), claim_token = NULL "
                        + "WHERE id = ? AND claim_token = ? AND status = 'running'")
                .params(interactionsRead, patternsFound, job.id(), job.claimToken()).update() == 1;
    }

    void fail(MiningJob job, String error) {
        jdbc.sql("UPDATE patterns.mining_job SET status = 'failed', stage = 'failed', error = ?, finished_at = now(), "
                        + "claim_token = NULL WHERE id = ? AND claim_token = ? AND status = 'running'")
                .params(truncate(error), job.id(), job.claimToken()).update();
    }

    /** Queues the job again after {@code backoff}, or fails it when its attempts are used up. */
    void retryLater(MiningJob job, String error, Duration backoff) {
        jdbc.sql("UPDATE patterns.mining_job SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, "
                        + "stage = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'waiting to retry' END, "
                        + "finished_at = CASE WHEN attempts >= max_attempts THEN now() END, "
                        + "run_after = now() + make_interval(secs => ?), error = ?, claim_token = NULL "
                        + "WHERE id = ? AND claim_token = ? AND status = 'running'")
                .params(backoff.toSeconds(), truncate(error), job.id(), job.claimToken()).update();
    }

    /** Gives jobs back to the queue without counting the attempt (this instance is shutting down). */
    void release(Collection<UUID> claimTokens) {
        if (claimTokens.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE patterns.mining_job SET status = 'queued', stage = 're-queued', attempts = attempts - 1, "
                        + "claim_token = NULL WHERE status = 'running' AND claim_token = ANY (?)")
                .param(claimTokens.toArray(new UUID[0])).update();
    }

    /**
     * Re-queues running jobs whose worker stopped sending heartbeats (it crashed or was killed), or
     * fails them when their attempts are used up. Returns how many were touched.
     */
    int recoverStale(Duration staleAfter) {
        return jdbc.sql("UPDATE patterns.mining_job SET "
                        + "status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, "
                        + "stage = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 're-queued' END, "
                        + "finished_at = CASE WHEN attempts >= max_attempts THEN now() END, "
                        + "error = 'the worker running this job stopped', claim_token = NULL "
                        + "WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => ?)")
                .param(staleAfter.toSeconds()).update();
    }

    Optional<MiningJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patterns.mining_job WHERE id = ?").param(id)
                .query(MiningJobs::job).optional();
    }

    List<MiningJob> queued() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM patterns.mining_job WHERE status = 'queued' ORDER BY created_at")
                .query(MiningJobs::job).list();
    }

    private static MiningJob job(ResultSet rs, int row) throws SQLException {
        int patterns = rs.getInt("patterns_found");
        Integer patternsFound = rs.wasNull() ? null : patterns;
        return new MiningJob(rs.getObject("id", UUID.class), rs.getString("organization_id"),
                Period.parse(rs.getString("period"), "period"), rs.getString("origin"),
                instant(rs.getTimestamp("window_from")), instant(rs.getTimestamp("window_to")), rs.getString("status"),
                rs.getInt("progress"), rs.getString("stage"), rs.getInt("attempts"), rs.getInt("max_attempts"),
                rs.getObject("claim_token", UUID.class), rs.getString("error"), rs.getLong("interactions_read"),
                patternsFound, instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
