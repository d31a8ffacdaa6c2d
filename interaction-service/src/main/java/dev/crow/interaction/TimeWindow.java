package dev.crow.interaction;

import dev.crow.platform.error.CrowException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A half-open time range {@code [from, to)}; either end may be open ({@code null}). Query
 * parameters accept an ISO-8601 instant with offset ({@code 2025-05-01T00:00:00Z}) or a date
 * ({@code 2025-05-01}, meaning its start in UTC).
 */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        if (from != null && to != null && !from.isBefore(to)) {
            throw CrowException.invalid("from must be before to");
        }
    }

    public static TimeWindow parse(String from, String to) {
        return new TimeWindow(instant(from, "from"), instant(to, "to"));
    }

    /** The instant in {@code value}, {@code null} when blank, a 400 naming {@code field} when malformed. */
    public static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw CrowException.invalid(field);
        }
    }
}
