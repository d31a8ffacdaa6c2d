package dev.crow.interaction.ingest;

import dev.crow.interaction.InteractionProperties;
import dev.crow.interaction.InteractionTypes;
import dev.crow.interaction.SourceType;
import dev.crow.platform.error.CrowException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a request body into validated interactions, all or nothing. The body is either one
 * interaction object or {@code {"interactions": [ … ]}}; every failing field is named by its path
 * ({@code interactions[12].occurredAt}, or {@code occurredAt} for a single object), and one bad
 * item rejects the whole request so that a client can fix and resend it as a unit.
 */
@Component
class InteractionBatchParser {

    static final String BATCH_FIELD = "interactions";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Set<String> FIELDS = Set.of("id", "sourceType", "type", "occurredAt", "visitorId",
            "sessionId", "url", "cameraId", "channel", "productId", "value", "metadata");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final int MAX_TEXT = 128;
    private static final int MAX_URL = 2048;
    private static final int MAX_REPORTED_ERRORS = 10;

    private final JsonMapper json;
    private final InteractionProperties.Ingest limits;

    InteractionBatchParser(JsonMapper json, InteractionProperties properties) {
        this.json = json;
        this.limits = properties.ingest();
    }

    List<NewInteraction> parse(byte[] body, Instant now) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw CrowException.invalid("body must be a JSON object");
        }
        if (!root.has(BATCH_FIELD)) {
            Errors errors = new Errors();
            NewInteraction single = item(root, "", now, errors);
            errors.throwIfAny();
            return List.of(single);
        }
        for (String name : root.propertyNames()) {
            if (!BATCH_FIELD.equals(name)) {
                throw CrowException.invalid(name);
            }
        }
        JsonNode items = root.get(BATCH_FIELD);
        if (!items.isArray() || items.isEmpty()) {
            throw CrowException.invalid(BATCH_FIELD + " (a non-empty array)");
        }
        if (items.size() > limits.maxBatch()) {
            throw CrowException.invalid(BATCH_FIELD + " (at most " + limits.maxBatch() + " per request)");
        }
        Errors errors = new Errors();
        List<NewInteraction> batch = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            batch.add(item(items.get(i), BATCH_FIELD + "[" + i + "]", now, errors));
        }
        errors.throwIfAny();
        return batch;
    }

    private JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw CrowException.invalid("missing request body");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw CrowException.invalid("malformed JSON body");
        }
    }

    private NewInteraction item(JsonNode node, String path, Instant now, Errors errors) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (node == null || !node.isObject()) {
            errors.add(path.isEmpty() ? "body" : path);
            return null;
        }
        int before = errors.count();
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(prefix + name);
            }
        }
        String id = text(node, "id", prefix, MAX_TEXT, errors);
        if (id != null && !ID.matcher(id).matches()) {
            errors.add(prefix + "id");
        }
        SourceType sourceType = sourceType(node, prefix, errors);
        String type = text(node, "type", prefix, 48, errors);
        if (!InteractionTypes.isKnown(type)) {
            errors.add(prefix + "type");
        }
        Instant occurredAt = occurredAt(node, prefix, now, errors);
        String visitorId = text(node, "visitorId", prefix, MAX_TEXT, errors);
        String sessionId = text(node, "sessionId", prefix, MAX_TEXT, errors);
        String url = text(node, "url", prefix, MAX_URL, errors);
        if (url != null && !isUrl(url)) {
            errors.add(prefix + "url");
        }
        String cameraId = text(node, "cameraId", prefix, MAX_TEXT, errors);
        String channel = text(node, "channel", prefix, MAX_TEXT, errors);
        String productId = text(node, "productId", prefix, MAX_TEXT, errors);
        Double value = number(node, prefix, errors);
        String metadata = metadata(node, prefix, errors);
        if (sourceType != null) {
            requireLocation(sourceType, url, cameraId, channel, prefix, errors);
        }
        if (errors.count() > before) {
            return null;
        }
        return new NewInteraction(id, sourceType, type, occurredAt, visitorId, sessionId, url, cameraId, channel,
                productId, value, metadata);
    }

    /** Each source names where it happened: a page, a camera or a social channel. */
    private static void requireLocation(SourceType sourceType, String url, String cameraId, String channel,
            String prefix, Errors errors) {
        Map<SourceType, String> required = Map.of(SourceType.WEB, "url", SourceType.CCTV, "cameraId",
                SourceType.SOCIAL, "channel");
        String present = switch (sourceType) {
            case WEB -> url;
            case CCTV -> cameraId;
            case SOCIAL -> channel;
        };
        if (present == null) {
            errors.add(prefix + required.get(sourceType));
        }
    }

    private static SourceType sourceType(JsonNode node, String prefix, Errors errors) {
        JsonNode value = node.get("sourceType");
        if (value != null && value.isString()) {
            for (SourceType type : SourceType.values()) {
                if (type.wireName().equals(value.stringValue())) {
                    return type;
                }
            }
        }
        errors.add(prefix + "sourceType");
        return null;
    }

    private Instant occurredAt(JsonNode node, String prefix, Instant now, Errors errors) {
        JsonNode value = node.get("occurredAt");
        if (value == null || !value.isString()) {
            errors.add(prefix + "occurredAt");
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(value.stringValue()).toInstant();
            if (at.isBefore(EARLIEST) || at.isAfter(now.plus(limits.maxFutureSkew()))) {
                errors.add(prefix + "occurredAt");
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(prefix + "occurredAt");
            return null;
        }
    }

    private static String text(JsonNode node, String field, String prefix, int maxLength, Errors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(prefix + field);
            return null;
        }
        String text = value.stringValue();
        if (text.isEmpty() || text.length() > maxLength || hasControlCharacters(text)) {
            errors.add(prefix + field);
            return null;
        }
        return text;
    }

    private static Double number(JsonNode node, String prefix, Errors errors) {
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            errors.add(prefix + "value");
            return null;
        }
        return value.doubleValue();
    }

    private String metadata(JsonNode node, String prefix, Errors errors) {
        JsonNode value = node.get("metadata");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(prefix + "metadata");
            return null;
        }
        String serialized = json.writeValueAsString(value);
        // PostgreSQL's jsonb cannot store the NUL character
        if (serialized.getBytes(StandardCharsets.UTF_8).length > limits.maxMetadata().toBytes()
                || serialized.contains("\\u0000")) {
            errors.add(prefix + "metadata");
            return null;
        }
        return serialized;
    }

    private static boolean isUrl(String url) {
        return url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/");
    }

    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The failing paths of one request; the message lists the first few. */
    private static final class Errors {

        private final List<String> paths = new ArrayList<>();
        private int count;

        void add(String path) {
            count++;
            if (paths.size() < MAX_REPORTED_ERRORS) {
                paths.add(path);
            }
        }

        int count() {
            return count;
        }

        void throwIfAny() {
            if (count == 0) {
                return;
            }
            String listed = String.join(", ", paths);
            if (count > paths.size()) {
                listed += " and " + (count - paths.size()) + " more";
            }
            throw CrowException.invalid(listed);
        }
    }
}
