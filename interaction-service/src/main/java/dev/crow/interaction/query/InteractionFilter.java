package dev.crow.interaction.query;

import dev.crow.interaction.InteractionTypes;
import dev.crow.interaction.SourceType;
import dev.crow.interaction.TimeWindow;
import dev.crow.platform.error.CrowException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The list's filters, rendered as one SQL condition with its parameters. */
record InteractionFilter(String organizationId, SourceType sourceType, String type, String q, TimeWindow window) {

    static final int MAX_QUERY_LENGTH = 200;

    static InteractionFilter of(String organizationId, String sourceType, String type, String q, String from,
            String to) {
        SourceType source = sourceType == null || sourceType.isBlank() ? null : SourceType.parse(sourceType, "sourceType");
        String normalizedType = type == null || type.isBlank() ? null : type;
        if (normalizedType != null && !InteractionTypes.isKnown(normalizedType)) {
            throw CrowException.invalid("type");
        }
        String query = q == null || q.isBlank() ? null : q.trim();
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw CrowException.invalid("q");
        }
        return new InteractionFilter(organizationId, source, normalizedType, query, TimeWindow.parse(from, to));
    }

    String where(List<Object> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE organization_id = ?");
        parameters.add(organizationId);
        if (sourceType != null) {
            sql.append(" AND source_type = ?");
            parameters.add(sourceType.wireName());
        }
        if (type != null) {
            sql.append(" AND type = ?");
            parameters.add(type);
        }
        if (window.from() != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC));
        }
        if (window.to() != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC));
        }
        if (q != null) {
            // websearch_to_tsquery never fails on user input (quotes, OR, -word are all legal)
            sql.append(" AND search @@ websearch_to_tsquery('simple', ?)");
            parameters.add(q);
        }
        return sql.toString();
    }
}
