package dev.crow.pattern.mining;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mining run looks at: the window {@code [from, to)}, and the window of the same length
 * just before it, read only as the baseline of trend shifts.
 */
public record MiningWindow(Instant from, Instant to) {

    private static final long DAY_MILLIS = 86_400_000L;

    public MiningWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public Instant baselineFrom() {
        return from.minus(Duration.between(from, to));
    }

    boolean inWindow(long millis) {
        return millis >= from.toEpochMilli() && millis < to.toEpochMilli();
    }

    boolean inBaseline(long millis) {
        return millis >= baselineFrom().toEpochMilli() && millis < from.toEpochMilli();
    }

    /** UTC days lying wholly inside the window. */
    List<LocalDate> wholeDays() {
        List<LocalDate> days = new ArrayList<>();
        long first = Math.floorDiv(from.toEpochMilli() + DAY_MILLIS - 1, DAY_MILLIS);
        long end = Math.floorDiv(to.toEpochMilli(), DAY_MILLIS);
        for (long day = first; day < end; day++) {
            days.add(LocalDate.ofEpochDay(day));
        }
        return days;
    }

    /** Hours of the window (fractions at the edges) falling on each hour of day. */
    double[] hourExposure() {
        double[] exposure = new double[24];
        long hour = 3_600_000L;
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        for (long slot = Math.floorDiv(start, hour) * hour; slot < end; slot += hour) {
            long covered = Math.min(end, slot + hour) - Math.max(start, slot);
            int hourOfDay = Instant.ofEpochMilli(slot).atZone(ZoneOffset.UTC).getHour();
            exposure[hourOfDay] += covered / (double) hour;
        }
        return exposure;
    }

    static long epochDay(long millis) {
        return Math.floorDiv(millis, DAY_MILLIS);
    }

    static int hourOfDay(long millis) {
        return (int) Math.floorMod(millis / 3_600_000L, 24L);
    }
}
