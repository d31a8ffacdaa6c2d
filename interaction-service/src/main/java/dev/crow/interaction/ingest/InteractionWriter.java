package dev.crow.interaction.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The ingestion fast path: one multi-row {@code INSERT … ON CONFLICT DO NOTHING RETURNING id} per
 * request, so a batch is one round trip and one atomic statement, and a resend of stored ids
 * changes nothing. Interactions without a client id get a random one (they cannot be deduplicated).
 */
@Component
public class InteractionWriter {

    private static final String COLUMNS = "organization_id, id, source_type, type, occurred_at, visitor_id, "
            + "session_id, url, camera_id, channel, product_id, value, metadata";
    private static final String ROW = "(?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb)";
    private static final int PARAMETERS_PER_ROW = 13;
    /** PostgreSQL's wire protocol carries at most 65,535 parameters per statement. */
    private static final int MAX_ROWS_PER_STATEMENT = 65_535 / PARAMETERS_PER_ROW;

    private final JdbcTemplate jdbc;

    InteractionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the batch for the organization; interactions whose id is already stored are reported as duplicates. */
    public IngestResult write(String organizationId, List<NewInteraction> batch) {
        Map<String, NewInteraction> unique = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (NewInteraction interaction : batch) {
            String id = interaction.id() != null ? interaction.id() : UUID.randomUUID().toString();
            if (unique.putIfAbsent(id, interaction) != null) {
                duplicates.add(id);
            }
        }
        List<String> ids = new ArrayList<>(unique.keySet());
        Set<String> inserted = new HashSet<>(ids.size() * 2);
        for (int start = 0; start < ids.size(); start += MAX_ROWS_PER_STATEMENT) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + MAX_ROWS_PER_STATEMENT));
            insert(organizationId, chunk, unique, inserted);
        }
        List<String> accepted = new ArrayList<>(inserted.size());
        for (String id : ids) {
            if (inserted.contains(id)) {
                accepted.add(id);
            } else {
                duplicates.add(id);
            }
        }
        return IngestResult.of(accepted, duplicates);
    }

    private void insert(String organizationId, List<String> ids, Map<String, NewInteraction> byId,
            Set<String> inserted) {
        StringBuilder sql = new StringBuilder(96 + ids.size() * (ROW.length() + 1))
                .append("INSERT INTO interactions.interaction (").append(COLUMNS).append(") VALUES ");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ",").append(ROW);
        }
        sql.append(" ON CONFLICT (organization_id, id) DO NOTHING RETURNING id");
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            int p = 1;
            for (String id : ids) {
                p = bind(statement, p, organizationId, id, byId.get(id));
            }
            return statement;
        }, (RowCallbackHandler) rows -> inserted.add(rows.getString(1)));
    }

    private static int bind(PreparedStatement statement, int p, String organizationId, String id,
            NewInteraction interaction) throws SQLException {
        statement.setString(p++, organizationId);
        statement.setString(p++, id);
        statement.setString(p++, interaction.sourceType().wireName());
        statement.setString(p++, interaction.type());
        statement.setObject(p++, OffsetDateTime.ofInstant(interaction.occurredAt(), ZoneOffset.UTC));
        statement.setString(p++, interaction.visitorId());
        statement.setString(p++, interaction.sessionId());
        statement.setString(p++, interaction.url());
        statement.setString(p++, interaction.cameraId());
        statement.setString(p++, interaction.channel());
        statement.setString(p++, interaction.productId());
        if (interaction.value() == null) {
            statement.setNull(p++, Types.DOUBLE);
        } else {
            statement.setDouble(p++, interaction.value());
        }
        statement.setString(p++, interaction.metadataJson());
        return p;
    }
}
