package dev.crow.interaction.query;

import dev.crow.interaction.TimeWindow;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL behind the list and the summary. */
@Component
class InteractionQueries {

    private static final String SELECT = "SELECT id, organization_id, source_type, type, occurred_at, received_at, "
            + "visitor_id, session_id, url, camera_id, channel, product_id, value, metadata::text "
            + "FROM interactions.interaction";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    InteractionQueries(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    PageResponse<InteractionView> list(InteractionFilter filter, PageQuery page) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        Long total = jdbc.queryForObject("SELECT count(*) FROM interactions.interaction" + where, Long.class,
                parameters.toArray());
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(page.limit());
        pageParameters.add(page.offset());
        List<InteractionView> rows = jdbc.query(SELECT + where + " ORDER BY occurred_at DESC, id LIMIT ? OFFSET ?",
                this::view, pageParameters.toArray());
        return PageResponse.of(rows, page, total == null ? 0 : total);
    }

    SourceSummary summary(String organizationId, TimeWindow window) {
        InteractionFilter filter = new InteractionFilter(organizationId, null, null, null, window);
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        return jdbc.queryForObject("SELECT count(*) FILTER (WHERE source_type = 'web'), "
                        + "count(*) FILTER (WHERE source_type = 'cctv'), "
                        + "count(*) FILTER (WHERE source_type = 'social'), count(*) "
                        + "FROM interactions.interaction" + where,
                (rs, n) -> new SourceSummary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                parameters.toArray());
    }

    private InteractionView view(ResultSet rs, int row) throws SQLException {
        double number = rs.getDouble(13);
        Double value = rs.wasNull() ? null : number;
        String metadata = rs.getString(14);
        return new InteractionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                value, metadata == null ? null : json.readTree(metadata));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
