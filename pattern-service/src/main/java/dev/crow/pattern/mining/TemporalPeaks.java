package dev.crow.pattern.mining;

import dev.crow.pattern.PatternProperties;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hour-of-day and day-of-week peaks per source, against an even spread over the window's hours
 * and days. Each source is counted in units that arrive independently, so that the z-score's
 * Poisson assumption holds: web sessions (by the hour they start; a session's interactions come
 * in a burst), CCTV footfall (visits and entries) and social interactions. A peak needs three
 * things: a large share (lift), a count too far above the even share to be chance (z-score),
 * and consistency (it holds on most days, or most of its weekdays), so one extraordinary day
 * cannot make a "peak hour".
 */
final class TemporalPeaks {

    private final MiningWindow window;
    private final PatternProperties.Temporal settings;
    private static final String[] UNITS = {"sessions", "footfall", "interactions"};

    private final List<Map<Long, int[]>> hoursByDay = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());

    TemporalPeaks(MiningWindow window, PatternProperties.Temporal settings) {
        this.window = window;
        this.settings = settings;
    }

    /** CCTV footfall and social interactions; web is counted by session. */
    void accept(InteractionEvent event) {
        boolean counted = event.source == InteractionEvent.SOCIAL || event.isFootfall();
        if (counted && window.inWindow(event.occurredAt)) {
            count(event.source, event.occurredAt);
        }
    }

    void accept(ClosedSession session) {
        if (window.inWindow(session.startedAt())) {
            count(InteractionEvent.WEB, session.startedAt());
        }
    }

    private void count(int source, long at) {
        hoursByDay.get(source).computeIfAbsent(MiningWindow.epochDay(at), d -> new int[24])[MiningWindow.hourOfDay(at)]++;
    }

    List<MinedPattern> patterns(List<String> notes) {
        List<MinedPattern> patterns = new ArrayList<>();
        List<LocalDate> wholeDays = window.wholeDays();
        for (int source = 0; source < hoursByDay.size(); source++) {
            Map<Long, int[]> days = hoursByDay.get(source);
            long total = days.values().stream().flatMapToInt(Arrays::stream).asLongStream().sum();
            if (total == 0) {
                continue;
            }
            if (total < settings.minInteractions()) {
                notes.add(InteractionEvent.SOURCES[source] + ": " + total + " " + UNITS[source]
                        + " are too few for temporal peaks");
                continue;
            }
            if (wholeDays.isEmpty()) {
                notes.add("temporal peaks need at least one whole day in the window");
                return patterns;
            }
            patterns.addAll(hourPeaks(source, days, total, wholeDays));
            if (wholeDays.size() >= settings.minDaysForWeekday()) {
                patterns.addAll(weekdayPeaks(source, days, wholeDays));
            } else if (source == InteractionEvent.WEB) {
                notes.add("day-of-week peaks need " + settings.minDaysForWeekday() + " whole days; the window has "
                        + wholeDays.size());
            }
        }
        return patterns;
    }

    private List<MinedPattern> hourPeaks(int sourceIndex, Map<Long, int[]> days, long total, List<LocalDate> wholeDays) {
        String source = InteractionEvent.SOURCES[sourceIndex];
        String unit = UNITS[sourceIndex];
        long[] byHour = new long[24];
        days.values().forEach(hours -> {
            for (int h = 0; h < 24; h++) {
                byHour[h] += hours[h];
            }
        });
        double[] exposure = window.hourExposure();
        double exposureTotal = Arrays.stream(exposure).sum();
        List<MinedPattern> peaks = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            double share = exposure[hour] / exposureTotal;
            double expected = total * share;
            double z = (byHour[hour] - expected) / Math.sqrt(expected * (1 - share));
            double lift = byHour[hour] / expected;
            int above = 0;
            int judged = 0;
            for (LocalDate day : wholeDays) {
                int[] hours = days.get(day.toEpochDay());
                if (hours != null) {
                    judged++;
                    if (hours[hour] > Arrays.stream(hours).sum() / 24.0) {
                        above++;
                    }
                }
            }
            double consistency = judged == 0 ? 0 : above / (double) judged;
            if (lift >= settings.hourMinLift() && z >= settings.minZ() && consistency >= settings.hourConsistency()) {
                Map<String, Object> evidence = Evidence.of("source", source, "unit", unit, "granularity", "hour_of_day",
                        "hourUtc", hour, "count", byHour[hour], "expected", MinedPattern.round(expected),
                        "total", total, "share", MinedPattern.round(byHour[hour] / (double) total),
                        "lift", MinedPattern.round(lift), "z", MinedPattern.round(z), "daysAbove", above,
                        "days", judged, "countsByHour", byHour);
                String title = String.format(Locale.ROOT,
                        "%s %s peak at %02d:00–%02d:59 UTC: %.1f%% of them, %.1f× an even spread (z %.1f), on %d of %d days",
                        capitalize(source), unit, hour, hour, 100.0 * byHour[hour] / total, lift, z, above, judged);
                peaks.add(new MinedPattern(MinedPattern.TEMPORAL_PEAK, source + ":hour:" + hour, title,
                        MinedPattern.round(byHour[hour] / (double) total), MinedPattern.round(consistency),
                        MinedPattern.round(lift), MinedPattern.round(z), evidence));
            }
        }
        return peaks;
    }

    private List<MinedPattern> weekdayPeaks(int sourceIndex, Map<Long, int[]> days, List<LocalDate> wholeDays) {
        String source = InteractionEvent.SOURCES[sourceIndex];
        String unit = UNITS[sourceIndex];
        double[] totals = new double[wholeDays.size()];
        for (int i = 0; i < wholeDays.size(); i++) {
            int[] hours = days.get(wholeDays.get(i).toEpochDay());
            totals[i] = hours == null ? 0 : Arrays.stream(hours).sum();
        }
        double all = Arrays.stream(totals).sum();
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        List<MinedPattern> peaks = new ArrayList<>();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            long count = 0;
            int occurrences = 0;
            int above = 0;
            for (int i = 0; i < wholeDays.size(); i++) {
                if (wholeDays.get(i).getDayOfWeek() == weekday) {
                    count += (long) totals[i];
                    occurrences++;
                    above += totals[i] > median ? 1 : 0;
                }
            }
            if (occurrences == 0 || all == 0) {
                continue;
            }
            double share = occurrences / (double) wholeDays.size();
            double expected = all * share;
            double z = (count - expected) / Math.sqrt(expected * (1 - share));
            double lift = count / expected;
            double consistency = above / (double) occurrences;
            if (lift >= settings.dayMinLift() && z >= settings.minZ() && consistency >= settings.dayConsistency()) {
                Map<String, Object> byWeekday = new LinkedHashMap<>();
                for (DayOfWeek day : DayOfWeek.values()) {
                    long sum = 0;
                    for (int i = 0; i < wholeDays.size(); i++) {
                        sum += wholeDays.get(i).getDayOfWeek() == day ? (long) totals[i] : 0;
                    }
                    byWeekday.put(day.name().toLowerCase(Locale.ROOT), sum);
                }
                String name = weekday.name().toLowerCase(Locale.ROOT);
                Map<String, Object> evidence = Evidence.of("source", source, "unit", unit, "granularity", "day_of_week",
                        "weekday", name, "count", count, "expected", MinedPattern.round(expected), "total", (long) all,
                        "lift", MinedPattern.round(lift), "z", MinedPattern.round(z), "daysAboveMedian", above,
                        "days", occurrences, "countsByWeekday", byWeekday);
                String title = String.format(Locale.ROOT, "%s %s peak on %ss: %.1f× an even spread (z %.1f), "
                        + "above the median day on %d of %d", capitalize(source), unit, capitalize(name), lift, z, above,
                        occurrences);
                peaks.add(new MinedPattern(MinedPattern.TEMPORAL_PEAK, source + ":weekday:" + name, title,
                        MinedPattern.round(count / all), MinedPattern.round(consistency), MinedPattern.round(lift),
                        MinedPattern.round(z), evidence));
            }
        }
        return peaks;
    }

    static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
