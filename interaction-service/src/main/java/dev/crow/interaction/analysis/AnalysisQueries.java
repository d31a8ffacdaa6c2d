package dev.crow.interaction.analysis;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The aggregates an analysis rests on. Every query groups inside PostgreSQL over one
 * organization's window (the {@code (organization_id, occurred_at)} index) and returns at most
 * a few thousand rows however many interactions there are.
 */
@Component
class AnalysisQueries {

    private static final String WINDOW = " FROM interactions.interaction"
            + " WHERE organization_id = ? AND occurred_at >= ? AND occurred_at < ?";

    private final JdbcTemplate jdbc;

    AnalysisQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record TypeCount(String source, String type, long count) {
    }

    record Reach(long visitors, long sessions, Instant firstAt, Instant lastAt) {
    }

    record DailyCount(LocalDate day, String source, long count) {
    }

    record HourlyCount(LocalDateTime hour, long count) {
    }

    record Ranked(String key, long count, long carts, long purchases) {
    }

    record Funnel(long viewed, long carted, long purchased) {
    }

    record Halves(String source, long first, long second) {
    }

    List<TypeCount> typeCounts(Scope scope) {
        return jdbc.query("SELECT source_type, type, count(*)" + WINDOW + " GROUP BY 1, 2 ORDER BY 1, 2",
                (rs, n) -> new TypeCount(rs.getString(1), rs.getString(2), rs.getLong(3)), scope.parameters());
    }

    Reach reach(Scope scope) {
        return jdbc.queryForObject("SELECT count(DISTINCT visitor_id), count(DISTINCT session_id), "
                        + "min(occurred_at), max(occurred_at)" + WINDOW,
                (rs, n) -> new Reach(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))),
                scope.parameters());
    }

    List<DailyCount> daily(Scope scope) {
        return jdbc.query("SELECT (occurred_at AT TIME ZONE 'UTC')::date, source_type, count(*)" + WINDOW
                        + " GROUP BY 1, 2 ORDER BY 1, 2",
                (rs, n) -> new DailyCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)),
                scope.parameters());
    }

    List<HourlyCount> hourly(Scope scope) {
        return jdbc.query("SELECT date_trunc('hour', occurred_at AT TIME ZONE 'UTC'), count(*)" + WINDOW
                        + " GROUP BY 1 ORDER BY 1",
                (rs, n) -> new HourlyCount(rs.getObject(1, LocalDateTime.class), rs.getLong(2)), scope.parameters());
    }

    /** Pages by views; the query string and fragment are not part of a page. */
    List<Ranked> topPages(Scope scope, int limit) {
        return jdbc.query("SELECT regexp_replace(url, '[?#].*$', ''), count(*)" + WINDOW
                        + " AND source_type = 'web' AND type = 'page_view' AND url IS NOT NULL"
                        + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
                (rs, n) -> new Ranked(rs.getString(1), rs.getLong(2), 0, 0), scope.parameters(limit));
    }

    List<Ranked> topProducts(Scope scope, int limit) {
        return jdbc.query("SELECT product_id, count(*), count(*) FILTER (WHERE type = 'add_to_cart'), "
                        + "count(*) FILTER (WHERE type = 'purchase')" + WINDOW
                        + " AND product_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
                (rs, n) -> new Ranked(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                scope.parameters(limit));
    }

    List<Ranked> topCameras(Scope scope, int limit) {
        return jdbc.query("SELECT camera_id, count(*)" + WINDOW
                        + " AND source_type = 'cctv' AND camera_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
                (rs, n) -> new Ranked(rs.getString(1), rs.getLong(2), 0, 0), scope.parameters(limit));
    }

    /** Web sessions that viewed a page; of those, that also added to cart; of those, that also purchased. */
    Funnel funnel(Scope scope) {
        return jdbc.queryForObject("SELECT count(*) FILTER (WHERE viewed), "
                        + "count(*) FILTER (WHERE viewed AND carted), "
                        + "count(*) FILTER (WHERE viewed AND carted AND purchased) FROM ("
                        + "SELECT bool_or(type = 'page_view') AS viewed, bool_or(type = 'add_to_cart') AS carted, "
                        + "bool_or(type = 'purchase') AS purchased" + WINDOW
                        + " AND source_type = 'web' AND session_id IS NOT NULL GROUP BY session_id) sessions",
                (rs, n) -> new Funnel(rs.getLong(1), rs.getLong(2), rs.getLong(3)), scope.parameters());
    }

    /** Counts per source in the first and second half of the window, for trends. */
    List<Halves> halves(Scope scope, Instant middle) {
        OffsetDateTime mid = OffsetDateTime.ofInstant(middle, ZoneOffset.UTC);
        List<Object> parameters = new ArrayList<>(List.of(mid, mid));
        parameters.addAll(List.of(scope.parameters()));
        return jdbc.query("SELECT source_type, count(*) FILTER (WHERE occurred_at < ?), "
                        + "count(*) FILTER (WHERE occurred_at >= ?)" + WINDOW + " GROUP BY 1 ORDER BY 1",
                (rs, n) -> new Halves(rs.getString(1), rs.getLong(2), rs.getLong(3)), parameters.toArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One organization's window, as query parameters. */
    record Scope(String organizationId, Instant from, Instant to) {

        Object[] parameters(Object... more) {
            Object[] parameters = new Object[3 + more.length];
            parameters[0] = organizationId;
            parameters[1] = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
            parameters[2] = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
            System.arraycopy(more, 0, parameters, 3, more.length);
            return parameters;
        }
    }
}
