package dev.crow.pattern.catalog;

import dev.crow.pattern.Period;
import dev.crow.pattern.mining.MinedPattern;
import dev.crow.pattern.mining.MiningOutcome;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes a job's patterns and result, and reads them back for the API. */
@Component
public class PatternStore {

    private static final String PATTERN_COLUMNS = "id, job_id, kind, pattern_key, title, period, window_from, window_to, "
            + "support, confidence, lift, strength, evidence::text, created_at";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    PatternStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a stored job covered, as the store needs it. */
    public record JobScope(UUID jobId, String organizationId, Period period, String origin, Instant from, Instant to) {
    }

    /** Stores the outcome of a job; runs inside the caller's transaction, with the job's completion. */
    public void save(JobScope job, MiningOutcome outcome) {
        List<MinedPattern> patterns = outcome.patterns();
        jdbc.batchUpdate("INSERT INTO patterns.pattern (id, job_id, organization_id, kind, pattern_key, title, period, "
                + "window_from, window_to, support, confidence, lift, strength, evidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)", patterns, 500,
                (PreparedStatement statement, MinedPattern pattern) -> {
                    statement.setObject(1, UUID.randomUUID());
                    statement.setObject(2, job.jobId());
                    statement.setString(3, job.organizationId());
                    statement.setString(4, pattern.kind());
                    statement.setString(5, truncate(pattern.key()));
                    statement.setString(6, truncate(pattern.title()));
                    statement.setString(7, job.period().wireName());
                    statement.setObject(8, utc(job.from()));
                    statement.setObject(9, utc(job.to()));
                    setDouble(statement, 10, pattern.support());
                    setDouble(statement, 11, pattern.confidence());
                    setDouble(statement, 12, pattern.lift());
                    statement.setDouble(13, pattern.strength());
                    statement.setString(14, json.writeValueAsString(pattern.evidence()));
                });
        Map<String, Integer> counts = new LinkedHashMap<>();
        MinedPattern.KINDS.forEach(kind -> counts.put(kind, 0));
        patterns.forEach(pattern -> counts.merge(pattern.kind(), 1, Integer::sum));
        jdbc.update("INSERT INTO patterns.pattern_result (job_id, organization_id, period, origin, window_from, window_to, "
                        + "interactions, sessions, pattern_counts, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
                job.jobId(), job.organizationId(), job.period().wireName(), job.origin(), utc(job.from()), utc(job.to()),
                outcome.interactions(), outcome.sessions(), json.writeValueAsString(counts),
                json.writeValueAsString(outcome.notes()));
    }

    /** The job whose patterns count as the organization's latest: its newest finished one (of a period, if given). */
    Optional<UUID> latestJob(String organizationId, Period period) {
        List<UUID> ids = period == null
                ? jdbc.queryForList("SELECT job_id FROM patterns.pattern_result WHERE organization_id = ? "
                        + "ORDER BY created_at DESC LIMIT 1", UUID.class, organizationId)
                : jdbc.queryForList("SELECT job_id FROM patterns.pattern_result WHERE organization_id = ? AND period = ? "
                        + "ORDER BY created_at DESC LIMIT 1", UUID.class, organizationId, period.wireName());
        return ids.stream().findFirst();
    }

    /** Whether the job's result belongs to the organization (a stranger's job id is simply not found). */
    boolean hasResult(String organizationId, UUID jobId) {
        Integer found = jdbc.queryForObject("SELECT count(*) FROM patterns.pattern_result WHERE organization_id = ? "
                + "AND job_id = ?", Integer.class, organizationId, jobId);
        return found != null && found > 0;
    }

    PageResponse<PatternView> patterns(String organizationId, UUID jobId, String kind, PageQuery page) {
        List<Object> parameters = new ArrayList<>(List.of(organizationId, jobId));
        String where = " WHERE organization_id = ? AND job_id = ?";
        if (kind != null) {
            where += " AND kind = ?";
            parameters.add(kind);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM patterns.pattern" + where, Long.class, parameters.toArray());
        parameters.add(page.limit());
        parameters.add(page.offset());
        List<PatternView> rows = jdbc.query("SELECT " + PATTERN_COLUMNS + " FROM patterns.pattern" + where
                + " ORDER BY kind, abs(strength) DESC, id LIMIT ? OFFSET ?", this::pattern, parameters.toArray());
        return PageResponse.of(rows, page, total == null ? 0 : total);
    }

    PageResponse<PatternResultView> results(String organizationId, Period period, PageQuery page) {
        List<Object> parameters = new ArrayList<>(List.of(organizationId));
        String where = " WHERE organization_id = ?";
        if (period != null) {
            where += " AND period = ?";
            parameters.add(period.wireName());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM patterns.pattern_result" + where, Long.class,
                parameters.toArray());
        parameters.add(page.limit());
        parameters.add(page.offset());
        List<PatternResultView> rows = jdbc.query("SELECT job_id, period, origin, window_from, window_to, interactions, "
                        + "sessions, pattern_counts::text, notes::text, created_at FROM patterns.pattern_result" + where
                        + " ORDER BY window_from DESC, created_at DESC LIMIT ? OFFSET ?",
                (rs, n) -> new PatternResultView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), rs.getLong(6), rs.getLong(7), json.readTree(rs.getString(8)),
                        json.readTree(rs.getString(9)), instant(rs, 10),
                        "/api/v1/patterns/organization/" + organizationId + "?jobId=" + rs.getObject(1, UUID.class)),
                parameters.toArray());
        return PageResponse.of(rows, page, total == null ? 0 : total);
    }

    private PatternView pattern(ResultSet rs, int row) throws SQLException {
        JsonNode evidence = json.readTree(rs.getString(13));
        return new PatternView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), number(rs, 9),
                number(rs, 10), number(rs, 11), rs.getDouble(12), evidence, instant(rs, 14));
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null || !Double.isFinite(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 597) + "...";
    }
}
