package dev.crow.interaction.export;

import dev.crow.interaction.InteractionProperties;
import dev.crow.interaction.TimeWindow;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams one organization's interactions as NDJSON, oldest first, in constant memory: a
 * server-side cursor (a read-only transaction with a fetch size) hands over rows in chunks, and
 * each row is written straight to the response. Lines carry the ingestion fields (absent = null).
 */
@Component
class InteractionExporter {

    private static final String SELECT = "SELECT id, source_type, type, occurred_at, visitor_id, session_id, url, "
            + "camera_id, channel, product_id, value, metadata::text FROM interactions.interaction "
            + "WHERE organization_id = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;
    private final int fetchSize;

    InteractionExporter(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json,
            InteractionProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
        this.fetchSize = properties.export().fetchSize();
    }

    /** Writes the window's interactions to {@code out}; returns how many. */
    long export(String organizationId, TimeWindow window, OutputStream out) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> parameters = new ArrayList<>(List.of(organizationId));
        if (window.from() != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC));
        }
        if (window.to() != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY occurred_at, id");
        Long count = readOnly.execute(status -> {
            // not closed: the servlet container owns the response stream
            JsonGenerator generator = json.writer().withRootValueSeparator("\n").createGenerator(out);
            long[] rows = {0};
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql.toString(),
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(fetchSize);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return statement;
            }, (RowCallbackHandler) rs -> {
                writeLine(generator, rs);
                rows[0]++;
            });
            if (rows[0] > 0) {
                generator.writeRaw('\n');
            }
            generator.flush();
            return rows[0];
        });
        return count == null ? 0 : count;
    }

    private static void writeLine(JsonGenerator out, ResultSet rs) throws SQLException {
        out.writeStartObject();
        out.writeStringProperty("id", rs.getString(1));
        out.writeStringProperty("sourceType", rs.getString(2));
        out.writeStringProperty("type", rs.getString(3));
        out.writeStringProperty("occurredAt", rs.getTimestamp(4).toInstant().toString());
        optional(out, "visitorId", rs.getString(5));
        optional(out, "sessionId", rs.getString(6));
        optional(out, "url", rs.getString(7));
        optional(out, "cameraId", rs.getString(8));
        optional(out, "channel", rs.getString(9));
        optional(out, "productId", rs.getString(10));
        double value = rs.getDouble(11);
        if (!rs.wasNull()) {
            out.writeNumberProperty("value", value);
        }
        String metadata = rs.getString(12);
        if (metadata != null) {
            out.writeName("metadata");
            out.writeRawValue(metadata);
        }
        out.writeEndObject();
    }

    private static void optional(JsonGenerator out, String name, String value) {
        if (value != null) {
            out.writeStringProperty(name, value);
        }
    }

    /**
     * Organizations that have interactions (optionally: since an instant), found by skipping
     * through the primary key index one organization at a time instead of reading every row.
     */
    List<String> organizations(java.time.Instant since) {
        String distinct = "WITH RECURSIVE organizations(id) AS ("
                + " SELECT min(organization_id) FROM interactions.interaction"
                + " UNION ALL SELECT (SELECT min(organization_id) FROM interactions.interaction"
                + " WHERE organization_id > organizations.id) FROM organizations WHERE organizations.id IS NOT NULL)"
                + " SELECT id FROM organizations WHERE id IS NOT NULL";
        if (since == null) {
            return jdbc.queryForList(distinct + " ORDER BY id", String.class);
        }
        return jdbc.queryForList(distinct + " AND EXISTS (SELECT 1 FROM interactions.interaction i"
                + " WHERE i.organization_id = organizations.id AND i.occurred_at >= ?) ORDER BY id", String.class,
                OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
    }
}
