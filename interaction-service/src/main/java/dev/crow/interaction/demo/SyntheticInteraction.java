package dev.crow.interaction.demo;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One generated interaction, with the fields of the ingestion API. {@link #toJson()} renders it
 * as one line of interaction-service's NDJSON export (absent fields omitted).
 */
public record SyntheticInteraction(
        String id,
        String sourceType,
        String type,
        Instant occurredAt,
        String visitorId,
        String sessionId,
        String url,
        String cameraId,
        String channel,
        String productId,
        Double value,
        Map<String, String> metadata) {

    public String toJson() {
        StringBuilder out = new StringBuilder(256).append('{');
        field(out, "id", id);
        field(out, "sourceType", sourceType);
        field(out, "type", type);
        field(out, "occurredAt", occurredAt.toString());
        field(out, "visitorId", visitorId);
        field(out, "sessionId", sessionId);
        field(out, "url", url);
        field(out, "cameraId", cameraId);
        field(out, "channel", channel);
        field(out, "productId", productId);
        if (value != null) {
            out.append(",\"value\":").append(value);
        }
        if (metadata != null && !metadata.isEmpty()) {
            out.append(",\"metadata\":{");
            boolean first = true;
            // sorted, so that the same interaction always renders to the same bytes
            for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
                out.append(first ? "" : ",");
                quote(out, entry.getKey()).append(':');
                quote(out, entry.getValue());
                first = false;
            }
            out.append('}');
        }
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value == null) {
            return;
        }
        if (out.length() > 1) {
            out.append(',');
        }
        quote(out, name).append(':');
        quote(out, value);
    }

    private static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
