package dev.crow.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes instants as ISO-8601 UTC with exactly three fractional digits
 * ({@code 2025-11-14T10:28:44.214Z}), the form the Better Auth client turns into dates.
 */
class MillisecondInstantSerializer extends StdSerializer<Instant> {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    MillisecondInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
        generator.writeString(FORMAT.format(value));
    }
}
