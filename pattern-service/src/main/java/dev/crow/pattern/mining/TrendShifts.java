package dev.crow.pattern.mining;

import dev.crow.pattern.PatternProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Period-over-period change of each source and type: the window against the window of the same
 * length before it. A change is a pattern when it is large ({@code minChange}) and beyond Poisson
 * noise: given n = previous + current, the current count is binomial with p = 1/2 when nothing
 * changed, so z = (current - previous) / sqrt(n). Without a baseline (no data back then) there
 * is nothing to compare, and nothing is claimed.
 */
final class TrendShifts {

    /** The baseline counts as covered when data starts within this share of its length. */
    private static final double BASELINE_COVERAGE_SLACK = 0.1;

    private final MiningWindow window;
    private final PatternProperties.Trends settings;
    private final Map<String, long[]> counts = new TreeMap<>();
    private long earliest = Long.MAX_VALUE;

    TrendShifts(MiningWindow window, PatternProperties.Trends settings) {
        this.window = window;
        this.settings = settings;
    }

    void accept(InteractionEvent event) {
        earliest = Math.min(earliest, event.occurredAt);
        int slot = window.inWindow(event.occurredAt) ? 1 : window.inBaseline(event.occurredAt) ? 0 : -1;
        if (slot >= 0) {
            counts.computeIfAbsent(InteractionEvent.SOURCES[event.source] + "/" + event.type, k -> new long[2])[slot]++;
        }
    }

    List<MinedPattern> patterns(List<String> notes) {
        long baselineFrom = window.baselineFrom().toEpochMilli();
        long slack = (long) ((window.from().toEpochMilli() - baselineFrom) * BASELINE_COVERAGE_SLACK);
        if (counts.isEmpty()) {
            return List.of();
        }
        if (earliest > baselineFrom + slack) {
            notes.add("trend shifts need data for the previous period (" + window.baselineFrom() + " to "
                    + window.from() + "); the data starts at " + Instant.ofEpochMilli(earliest));
            return List.of();
        }
        List<MinedPattern> patterns = new ArrayList<>();
        counts.forEach((key, pair) -> {
            long previous = pair[0];
            long current = pair[1];
            if (previous < settings.minBaseline()) {
                return;
            }
            double change = (current - previous) / (double) previous;
            double z = (current - previous) / Math.sqrt(previous + current);
            if (Math.abs(change) >= settings.minChange() && Math.abs(z) >= settings.minZ()) {
                String[] sourceAndType = key.split("/", 2);
                Map<String, Object> evidence = Evidence.of("source", sourceAndType[0], "type", sourceAndType[1],
                        "previous", previous, "current", current, "change", MinedPattern.round(change),
                        "z", MinedPattern.round(z), "previousFrom", window.baselineFrom().toString(),
                        "previousTo", window.from().toString());
                String title = String.format(Locale.ROOT, "%s %s interactions %s %.0f%% against the previous period "
                        + "(%,d → %,d, z %.1f)", sourceAndType[0], sourceAndType[1], change > 0 ? "rose" : "fell",
                        Math.abs(change) * 100, previous, current, z);
                patterns.add(new MinedPattern(MinedPattern.TREND_SHIFT, "trend:" + key, title, null, null,
                        MinedPattern.round(current / (double) previous), MinedPattern.round(z), evidence));
            }
        });
        patterns.sort(Comparator.comparingDouble((MinedPattern p) -> Math.abs(p.strength())).reversed());
        return patterns;
    }
}
