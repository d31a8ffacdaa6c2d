package dev.crow.pattern;

import dev.crow.platform.error.CrowException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The periods patterns are mined over. Scheduled runs mine the last complete calendar period
 * (yesterday, last ISO week, last month, last year, in UTC); ad-hoc runs without explicit bounds
 * mine the same length up to now. {@code custom} is an ad-hoc window with explicit bounds.
 */
public enum Period {
    DAILY, WEEKLY, MONTHLY, YEARLY, CUSTOM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period parse(String value, String field) {
        for (Period period : values()) {
            if (period.wireName().equals(value)) {
                return period;
            }
        }
        throw CrowException.invalid(field);
    }

    /** The last complete calendar period before {@code now}. */
    public Window lastComplete(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (this) {
            case DAILY -> window(today.minusDays(1), today);
            case WEEKLY -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield window(monday.minusWeeks(1), monday);
            }
            case MONTHLY -> {
                LocalDate first = today.withDayOfMonth(1);
                yield window(first.minusMonths(1), first);
            }
            case YEARLY -> {
                LocalDate first = today.withDayOfYear(1);
                yield window(first.minusYears(1), first);
            }
            case CUSTOM -> throw new IllegalStateException("a custom period has explicit bounds");
        };
    }

    /** The period's length ending at {@code now}. */
    public Window endingAt(Instant now) {
        Duration length = switch (this) {
            case DAILY -> Duration.ofDays(1);
            case WEEKLY -> Duration.ofDays(7);
            case MONTHLY -> Duration.ofDays(30);
            case YEARLY -> Duration.ofDays(365);
            case CUSTOM -> throw new IllegalStateException("a custom period has explicit bounds");
        };
        return new Window(now.minus(length), now);
    }

    private static Window window(LocalDate from, LocalDate to) {
        return new Window(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** A half-open window {@code [from, to)}. */
    public record Window(Instant from, Instant to) {

        public Window {
            if (!from.isBefore(to)) {
                throw CrowException.invalid("from must be before to");
            }
        }

        public Duration length() {
            return Duration.between(from, to);
        }

        /** The window of the same length just before this one, the baseline of trends. */
        public Window previous() {
            return new Window(from.minus(length()), from);
        }
    }
}
