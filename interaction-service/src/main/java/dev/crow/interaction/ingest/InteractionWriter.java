package dev.crow.interaction.ingest;

import java.sql.PreparedStatement;
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
 * The ingestion fast path: one {@code INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING
 * RETURNING id} per request, so a batch is one round trip and one atomic statement, and a resend of
 * stored ids changes nothing. The statement text is the same for every batch size (one array per
 * column), so PostgreSQL parses and plans it once per connection instead of a multi-row
 * {@code VALUES} list with thirteen parameters per row. Interactions without a client id get a random
 * one (they cannot be deduplicated).
 */
@Component
public class InteractionWriter {

    static final String INSERT = """
            INSERT INTO interactions.interaction (organization_id, id, source_type, type, occurred_at,
                visitor_id, session_id, url, camera_id, channel, product_id, value, metadata)
            SELECT ?, u.* FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::float8[], ?::jsonb[]) AS u
            ON CONFLICT (organization_id, id) DO NOTHING
            RETURNING id""";

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
        Set<String> inserted = new HashSet<>(unique.size() * 2);
        if (!unique.isEmpty()) {
            insert(organizationId, unique, inserted);
        }
        List<String> accepted = new ArrayList<>(inserted.size());
        for (String id : unique.keySet()) {
            if (inserted.contains(id)) {
                accepted.add(id);
            } else {
                duplicates.add(id);
            }
        }
        return IngestResult.of(accepted, duplicates);
    }

    private void insert(String organizationId, Map<String, NewInteraction> byId, Set<String> inserted) {
        int n = byId.size();
        String[] ids = new String[n];
        String[] sourceTypes = new String[n];
        String[] types = new String[n];
        String[] occurredAt = new String[n];
        String[] visitorIds = new String[n];
        String[] sessionIds = new String[n];
        String[] urls = new String[n];
        String[] cameraIds = new String[n];
        String[] channels = new String[n];
        String[] productIds = new String[n];
        Double[] values = new Double[n];
        String[] metadata = new String[n];
        int i = 0;
        for (Map.Entry<String, NewInteraction> entry : byId.entrySet()) {
            NewInteraction interaction = entry.getValue();
            ids[i] = entry.getKey();
            sourceTypes[i] = interaction.sourceType().wireName();
            types[i] = interaction.type();
            occurredAt[i] = interaction.occurredAt().toString();
            visitorIds[i] = interaction.visitorId();
            sessionIds[i] = interaction.sessionId();
            urls[i] = interaction.url();
            cameraIds[i] = interaction.cameraId();
            channels[i] = interaction.channel();
            productIds[i] = interaction.productId();
            values[i] = interaction.value();
            metadata[i] = interaction.metadataJson();
            i++;
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT);
            statement.setString(1, organizationId);
            statement.setArray(2, connection.createArrayOf("varchar", ids));
            statement.setArray(3, connection.createArrayOf("varchar", sourceTypes));
            statement.setArray(4, connection.createArrayOf("varchar", types));
            statement.setArray(5, connection.createArrayOf("timestamptz", occurredAt));
            statement.setArray(6, connection.createArrayOf("varchar", visitorIds));
            statement.setArray(7, connection.createArrayOf("varchar", sessionIds));
            statement.setArray(8, connection.createArrayOf("varchar", urls));
            statement.setArray(9, connection.createArrayOf("varchar", cameraIds));
            statement.setArray(10, connection.createArrayOf("varchar", channels));
            statement.setArray(11, connection.createArrayOf("varchar", productIds));
            statement.setArray(12, connection.createArrayOf("float8", values));
            statement.setArray(13, connection.createArrayOf("jsonb", metadata));
            return statement;
        }, (RowCallbackHandler) rows -> inserted.add(rows.getString(1)));
    }
}
