package dev.crow.pattern.mining;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads interaction-service's NDJSON export with a streaming parser, one object at a time into
 * one reused {@link InteractionEvent}. Metadata is skipped: no miner needs it. Interactions of an
 * unknown source are skipped too (a newer interaction-service may know more sources).
 */
final class NdjsonInteractionReader {

    private final JsonMapper json;

    NdjsonInteractionReader(JsonMapper json) {
        this.json = json;
    }

    /** Feeds every interaction to {@code sink}; returns how many were read. */
    long read(InputStream in, Consumer<InteractionEvent> sink) {
        InteractionEvent event = new InteractionEvent();
        long count = 0;
        try (JsonParser parser = json.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new MiningInputException("interaction " + (count + 1) + " is not a JSON object");
                }
                event.clear();
                readObject(parser, event, count + 1);
                count++;
                if (event.source >= 0) {
                    sink.accept(event);
                }
            }
        } catch (JacksonIOException e) {
            // the connection failed mid-stream: not bad input, and worth a retry
            throw new UncheckedIOException(new IOException("interaction stream broke off", e));
        } catch (JacksonException e) {
            throw new MiningInputException("interaction " + (count + 1) + " is not valid JSON");
        }
        return count;
    }

    private static void readObject(JsonParser parser, InteractionEvent event, long number) {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.PROPERTY_NAME) {
                throw new MiningInputException("interaction " + number + " is malformed");
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            String text = value == JsonToken.VALUE_NULL ? null : parser.getString();
            switch (name) {
                case "sourceType" -> event.source = text == null ? -1 : InteractionEvent.source(text);
                case "type" -> event.type = text;
                case "occurredAt" -> event.occurredAt = instant(text, number);
                case "sessionId" -> event.sessionId = text;
                case "url" -> event.url = text;
                case "productId" -> event.productId = text;
                case "cameraId" -> event.cameraId = text;
                default -> {
                    // id, visitorId, channel, value: not needed by any miner
                }
            }
        }
        if (event.occurredAt == Long.MIN_VALUE || event.type == null) {
            throw new MiningInputException("interaction " + number + " lacks occurredAt or type");
        }
    }

    private static long instant(String text, long number) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MiningInputException("interaction " + number + " has an invalid occurredAt");
        }
    }
}
