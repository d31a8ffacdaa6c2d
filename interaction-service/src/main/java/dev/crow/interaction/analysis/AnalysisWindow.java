package dev.crow.interaction.analysis;

import dev.crow.interaction.TimeWindow;
import dev.crow.platform.error.CrowException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The window one analysis covers, and its complete UTC days: anomalies are judged on whole days
 * only, since a half-elapsed today would always look like a drop.
 */
record AnalysisWindow(Instant from, Instant to) {

    static AnalysisWindow resolve(AnalysisRequest request, Instant now, Duration defaultWindow, Duration maxWindow) {
        Instant to = TimeWindow.instant(request.to(), "to");
        Instant from = TimeWindow.instant(request.from(), "from");
        if (to == null) {
            to = now;
        }
        if (from == null) {
            from = to.truncatedTo(ChronoUnit.DAYS).minus(defaultWindow);
        }
        if (!from.isBefore(to)) {
            throw CrowException.invalid("from must be before to");
        }
        if (Duration.between(from, to).compareTo(maxWindow) > 0) {
            throw CrowException.invalid("window longer than " + maxWindow.toDays() + " days");
        }
        return new AnalysisWindow(from, to);
    }

    /** The first complete day at or after {@code instant}. */
    static LocalDate firstCompleteDay(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant) ? day : day.plusDays(1);
    }

    /** The day after the last complete day of the window. */
    LocalDate endOfCompleteDays() {
        return LocalDate.ofInstant(to, ZoneOffset.UTC);
    }

    Instant middle(Instant coveredFrom) {
        Instant start = coveredFrom != null && coveredFrom.isAfter(from) ? coveredFrom : from;
        return start.plus(Duration.between(start, to).dividedBy(2));
    }
}
