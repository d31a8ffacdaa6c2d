package dev.crow.pattern.mining;

import java.util.Map;

/**
 * One pattern found by a miner.
 *
 * @param kind       temporal_peak, co_occurrence, navigation_sequence, trend_shift or web_cctv_correlation
 * @param key        what the pattern is about, stable across runs (e.g. {@code web:hour:19})
 * @param title      a one-line statement of the pattern with its numbers
 * @param support    share of the relevant population showing it (sessions, interactions), when meaningful
 * @param confidence how reliably it holds (rule confidence, share of days, 1 - p), when meaningful
 * @param lift       how much more often than expected by chance, when meaningful
 * @param strength   the kind's ranking statistic (z-score, lift or correlation coefficient)
 * @param evidence   the counts and examples it rests on
 */
public record MinedPattern(String kind, String key, String title, Double support, Double confidence, Double lift,
        double strength, Map<String, Object> evidence) {

    public static final String TEMPORAL_PEAK = "temporal_peak";
    public static final String CO_OCCURRENCE = "co_occurrence";
    public static final String NAVIGATION_SEQUENCE = "navigation_sequence";
    public static final String TREND_SHIFT = "trend_shift";
    public static final String WEB_CCTV_CORRELATION = "web_cctv_correlation";

    public static final java.util.List<String> KINDS = java.util.List.of(TEMPORAL_PEAK, CO_OCCURRENCE,
            NAVIGATION_SEQUENCE, TREND_SHIFT, WEB_CCTV_CORRELATION);

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
