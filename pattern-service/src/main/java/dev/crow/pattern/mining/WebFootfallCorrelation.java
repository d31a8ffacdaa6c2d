package dev.crow.pattern.mining;

import dev.crow.pattern.PatternProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether days with more web visits are days with more people through the door: daily web
 * sessions against daily CCTV footfall over the window's whole days, by Spearman's rank
 * correlation (robust to one extraordinary day), with Pearson's alongside, both with a p-value
 * guard and a minimum number of days.
 */
final class WebFootfallCorrelation {

    private static final int MAX_EXAMPLE_DAYS = 7;

    private final MiningWindow window;
    private final PatternProperties.Correlation settings;
    private final Map<Long, long[]> byDay = new HashMap<>();

    WebFootfallCorrelation(MiningWindow window, PatternProperties.Correlation settings) {
        this.window = window;
        this.settings = settings;
    }

    void accept(InteractionEvent event) {
        if (event.isFootfall() && window.inWindow(event.occurredAt)) {
            byDay.computeIfAbsent(MiningWindow.epochDay(event.occurredAt), d -> new long[2])[1]++;
        }
    }

    void accept(ClosedSession session) {
        if (window.inWindow(session.startedAt())) {
            byDay.computeIfAbsent(MiningWindow.epochDay(session.startedAt()), d -> new long[2])[0]++;
        }
    }

    List<MinedPattern> patterns(List<String> notes) {
        List<LocalDate> days = window.wholeDays();
        double[] web = new double[days.size()];
        double[] footfall = new double[days.size()];
        double webTotal = 0;
        double footfallTotal = 0;
        for (int i = 0; i < days.size(); i++) {
            long[] counts = byDay.getOrDefault(days.get(i).toEpochDay(), new long[2]);
            web[i] = counts[0];
            footfall[i] = counts[1];
            webTotal += counts[0];
            footfallTotal += counts[1];
        }
        if (webTotal == 0 || footfallTotal == 0) {
            return List.of();
        }
        if (days.size() < settings.minDays()) {
            notes.add("web and CCTV correlation needs " + settings.minDays() + " whole days; the window has " + days.size());
            return List.of();
        }
        double pearson = Correlations.pearson(web, footfall);
        double spearman = Correlations.spearman(web, footfall);
        if (Double.isNaN(pearson) || Double.isNaN(spearman)) {
            return List.of();
        }
        double pPearson = Correlations.pValue(pearson, days.size(), false);
        double pSpearman = Correlations.pValue(spearman, days.size(), true);
        if (pSpearman > settings.maxPValue() || Math.abs(spearman) < settings.minAbsCoefficient()) {
            notes.add(String.format(Locale.ROOT, "web and CCTV: no significant correlation over %d days "
                    + "(Spearman %.2f, p %.3f)", days.size(), spearman, pSpearman));
            return List.of();
        }
        List<Map<String, Object>> examples = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_EXAMPLE_DAYS, days.size()); i++) {
            examples.add(Evidence.of("day", days.get(i).toString(), "webSessions", (long) web[i],
                    "footfall", (long) footfall[i]));
        }
        Map<String, Object> evidence = Evidence.of("days", days.size(), "spearman", MinedPattern.round(spearman),
                "pValueSpearman", pSpearman, "pearson", MinedPattern.round(pearson), "pValuePearson", pPearson,
                "meanDailyWebSessions", MinedPattern.round(webTotal / days.size()),
                "meanDailyFootfall", MinedPattern.round(footfallTotal / days.size()), "sampleDays", examples);
        String title = String.format(Locale.ROOT, "Daily web sessions and store footfall move %s (Spearman %.2f, "
                + "Pearson %.2f, p %.2g, %d days)", spearman > 0 ? "together" : "in opposite directions", spearman,
                pearson, pSpearman, days.size());
        return List.of(new MinedPattern(MinedPattern.WEB_CCTV_CORRELATION, "web-sessions:cctv-footfall", title, null,
                MinedPattern.round(1 - pSpearman), null, MinedPattern.round(spearman), evidence));
    }
}
