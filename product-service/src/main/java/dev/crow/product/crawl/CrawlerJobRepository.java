package dev.crow.product.crawl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the crawler job table, which doubles as the job queue. Every state change a worker
 * makes is conditional on it still owning the job ({@code worker_id}) and the job still running,
 * so a cancellation or a takeover after a lost heartbeat always wins.
 */
@Repository
class CrawlerJobRepository {

    static final int MAX_ERRORS_PER_JOB = 50;

    private static final String COLUMNS = "id, organization_id, source_type, source_value, status, progress, "
            + "pages_fetched, pages_discovered, products_found, images_stored, error_count, failure_reason, attempts, "
            + "created_at, started_at, finished_at";

    private final JdbcClient jdbc;

    CrawlerJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises quota checks and claims per organization until the surrounding transaction ends. */
    void lockOrganization(String organizationId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:org, 8084))").param("org", organizationId)
                .query().singleRow();
    }

    int count(String organizationId, CrawlerJobStatus status) {
        return jdbc.sql("SELECT count(*) FROM crawler_jobs WHERE organization_id = :org AND status = :status")
                .param("org", organizationId).param("status", status.wire()).query(Integer.class).single();
    }

    void insert(UUID id, String organizationId, String createdBy, String sourceType, String sourceValue) {
        jdbc.sql("""
                        INSERT INTO crawler_jobs (id, organization_id, created_by, source_type, source_value, status,
                            created_at, updated_at)
                        VALUES (:id, :org, :by, :type, :value, 'queued', now(), now())
                        """)
                .param("id", id).param("org", organizationId).param("by", createdBy)
                .param("type", sourceType).param("value", sourceValue)
                .update();
    }

    Optional<CrawlerJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM crawler_jobs WHERE id = :id").param("id", id)
                .query(CrawlerJobRepository::job).optional();
    }

    long countAll(String organizationId) {
        return jdbc.sql("SELECT count(*) FROM crawler_jobs WHERE organization_id = :org")
                .param("org", organizationId).query(Long.class).single();
    }

    List<CrawlerJob> page(String organizationId, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM crawler_jobs WHERE organization_id = :org "
                        + "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("org", organizationId).param("limit", limit).param("offset", offset)
                .query(CrawlerJobRepository::job).list();
    }

    Map<UUID, List<CrawlerJobView.CrawlError>> errors(Collection<UUID> jobIds) {
        Map<UUID, List<CrawlerJobView.CrawlError>> byJob = new LinkedHashMap<>();
        if (jobIds.isEmpty()) {
            return byJob;
        }
        jdbc.sql("SELECT job_id, url, message, occurred_at FROM crawler_job_errors WHERE job_id = ANY(:ids) ORDER BY id")
                .param("ids", jobIds.toArray(UUID[]::new))
                .query((rs, n) -> byJob.computeIfAbsent((UUID) rs.getObject("job_id"), k -> new ArrayList<>())
                        .add(new CrawlerJobView.CrawlError(rs.getString("url"), rs.getString("message"),
                                instant(rs.getTimestamp("occurred_at")))))
                .list();
        return byJob;
    }

    /**
     * Cancels a job that has not finished. A running job's worker notices at its next heartbeat.
     * Returns false when the job had already finished.
     */
    boolean cancel(UUID id) {
        return jdbc.sql("""
                        UPDATE crawler_jobs SET status = 'cancelled', finished_at = now(), updated_at = now()
                        WHERE id = :id AND status IN ('queued', 'running')
                        """)
                .param("id", id).update() == 1;
    }

    /** Up to {@code limit} queued jobs, oldest first, locked for this transaction; rows other workers hold are skipped. */
    List<Map<String, Object>> lockQueued(int limit) {
        return jdbc.sql("SELECT id, organization_id FROM crawler_jobs WHERE status = 'queued' "
                        + "ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit).query().listOfRows();
    }

    CrawlerJob markRunning(UUID id, String workerId) {
        return jdbc.sql("UPDATE crawler_jobs SET status = 'running', worker_id = :worker, attempts = attempts + 1, "
                        + "started_at = coalesce(started_at, now()), heartbeat_at = now(), updated_at = now() "
                        + "WHERE id = :id RETURNING " + COLUMNS)
                .param("id", id).param("worker", workerId).query(CrawlerJobRepository::job).single();
    }

    /** Records progress; false when the job is no longer this worker's running job (cancelled or taken over). */
    boolean heartbeat(UUID id, String workerId, CrawlCounters counters) {
        return jdbc.sql("""
                        UPDATE crawler_jobs SET heartbeat_at = now(), updated_at = now(), pages_fetched = :pages,
                            pages_discovered = :discovered, products_found = :products, images_stored = :images,
                            progress = :progress
                        WHERE id = :id AND worker_id = :worker AND status = 'running'
                        """)
                .param("id", id).param("worker", workerId)
                .param("pages", counters.pagesFetched()).param("discovered", counters.pagesDiscovered())
                .param("products", counters.productsFound()).param("images", counters.imagesStored())
                .param("progress", counters.progress())
                .update() == 1;
    }

    boolean finish(UUID id, String workerId, CrawlerJobStatus status, String failureReason, CrawlCounters counters) {
        return jdbc.sql("""
                        UPDATE crawler_jobs SET status = :status, failure_reason = :reason, finished_at = now(),
                            updated_at = now(), worker_id = NULL, pages_fetched = :pages, pages_discovered = :discovered,
                            products_found = :products, images_stored = :images, progress = :progress
                        WHERE id = :id AND worker_id = :worker AND status = 'running'
                        """)
                .param("id", id).param("worker", workerId).param("status", status.wire()).param("reason", failureReason)
                .param("pages", counters.pagesFetched()).param("discovered", counters.pagesDiscovered())
                .param("products", counters.productsFound()).param("images", counters.imagesStored())
                .param("progress", counters.progress())
                .update() == 1;
    }

    /** Gives a job back to the queue when its worker shuts down mid-crawl. */
    void release(UUID id, String workerId) {
        jdbc.sql("UPDATE crawler_jobs SET status = 'queued', worker_id = NULL, updated_at = now() "
                        + "WHERE id = :id AND worker_id = :worker AND status = 'running'")
                .param("id", id).param("worker", workerId).update();
    }

    /**
     * Jobs whose worker died (no heartbeat for {@code staleAfter}) go back to the queue, or fail
     * once they have used up their attempts. Safe to run from every instance at once.
     */
    int recoverStale(Duration staleAfter, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE crawler_jobs SET
                            status = CASE WHEN attempts >= :max THEN 'failed' ELSE 'queued' END,
                            failure_reason = CASE WHEN attempts >= :max
                                THEN 'abandoned after ' || attempts || ' attempts: the worker stopped responding'
                                ELSE failure_reason END,
                            finished_at = CASE WHEN attempts >= :max THEN now() ELSE NULL END,
                            worker_id = NULL, updated_at = now()
                        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => :stale)
                        """)
                .param("max", maxAttempts).param("stale", (double) staleAfter.toMillis() / 1000.0)
                .update();
    }

    void addError(UUID jobId, String url, String message) {
        jdbc.sql("""
                        WITH counted AS (
                            UPDATE crawler_jobs SET error_count = error_count + 1 WHERE id = :id RETURNING error_count)
                        INSERT INTO crawler_job_errors (job_id, url, message, occurred_at)
                        SELECT :id, :url, :message, now() FROM counted WHERE error_count <= :cap
                        """)
                .param("id", jobId).param("url", url == null ? null : truncate(url, 2048))
                .param("message", truncate(message, 500)).param("cap", MAX_ERRORS_PER_JOB)
                .update();
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static CrawlerJob job(ResultSet rs, int rowNum) throws SQLException {
        return new CrawlerJob(
                (UUID) rs.getObject("id"),
                rs.getString("organization_id"),
                rs.getString("source_type"),
                rs.getString("source_value"),
                CrawlerJobStatus.fromWire(rs.getString("status")),
                rs.getDouble("progress"),
                rs.getInt("pages_fetched"),
                rs.getInt("pages_discovered"),
                rs.getInt("products_found"),
                rs.getInt("images_stored"),
                rs.getInt("error_count"),
                rs.getString("failure_reason"),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
