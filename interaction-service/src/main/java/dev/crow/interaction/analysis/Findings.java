package dev.crow.interaction.analysis;

import dev.crow.interaction.analysis.AnalysisQueries.Funnel;
import dev.crow.interaction.analysis.AnalysisQueries.Halves;
import dev.crow.interaction.analysis.AnalysisQueries.Ranked;
import dev.crow.interaction.analysis.AnalysisReport.Anomaly;
import dev.crow.interaction.analysis.AnalysisReport.Insight;
import dev.crow.interaction.analysis.AnalysisReport.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns aggregates into insights and insights into recommendations. Every statement is a rule
 * over numbers that travel with it in {@code evidence}; nothing here is generated text that
 * could say more than the data.
 */
final class Findings {

    /** A half-over-half change counts as a trend only above this many standard errors… */
    static final double TREND_MIN_Z = 3.0;
    /** …and this relative size. */
    static final double TREND_MIN_CHANGE = 0.10;
    /** An hour of day is a peak when it carries this many times an even (1/24) share. */
    static final double PEAK_HOUR_MIN_LIFT = 1.5;
    private static final int MAX_ANOMALY_RECOMMENDATIONS = 3;

    private Findings() {
    }

    static Insight volume(AnalysisReport.Summary summary, long days) {
        Map<String, Object> evidence = evidence("total", summary.total(), "bySource", summary.bySource(),
                "byType", summary.byType(), "visitors", summary.visitors(), "sessions", summary.sessions(),
                "days", days);
        String detail = String.format("%,d interactions: %,d web, %,d CCTV, %,d social, from %,d visitors in %,d sessions",
                summary.total(), summary.bySource().get("web"), summary.bySource().get("cctv"),
                summary.bySource().get("social"), summary.visitors(), summary.sessions());
        return new Insight("volume", "Interaction volume", detail, evidence);
    }

    /** One trend insight per source, comparing the two halves of the covered period. */
    static List<Insight> trends(List<Halves> halves) {
        List<Insight> insights = new ArrayList<>();
        for (Halves half : halves) {
            long total = half.first() + half.second();
            if (total == 0) {
                continue;
            }
            double z = (half.second() - half.first()) / Math.sqrt(total);
            Double change = half.first() > 0 ? (half.second() - half.first()) / (double) half.first() : null;
            String direction = "stable";
            if (change != null && Math.abs(z) >= TREND_MIN_Z && Math.abs(change) >= TREND_MIN_CHANGE) {
                direction = change > 0 ? "rising" : "falling";
            }
            Map<String, Object> evidence = evidence("source", half.source(), "firstHalf", half.first(),
                    "secondHalf", half.second(), "change", change == null ? null : AnomalyDetector.round(change),
                    "z", AnomalyDetector.round(z), "direction", direction);
            String detail = change == null
                    ? String.format("%s interactions: none in the first half, %,d in the second", half.source(),
                            half.second())
                    : String.format("%s interactions are %s: %,d in the first half, %,d in the second (%+.1f%%)",
                            half.source(), direction, half.first(), half.second(), change * 100);
            insights.add(new Insight("trend", "Trend of " + half.source() + " interactions", detail, evidence));
        }
        return insights;
    }

    static Insight ranking(String kind, String title, String unit, List<Ranked> ranked, long total) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Ranked entry : ranked) {
            Map<String, Object> item = evidence("key", entry.key(), "count", entry.count());
            if (kind.equals("top_products")) {
                item.put("addToCarts", entry.carts());
                item.put("purchases", entry.purchases());
            }
            items.add(item);
        }
        Ranked top = ranked.get(0);
        String detail = String.format("%s leads with %,d %s (%.1f%% of %,d)", top.key(), top.count(), unit,
                total == 0 ? 0 : 100.0 * top.count() / total, total);
        return new Insight(kind, title, detail, evidence("items", items, "total", total));
    }

    static Insight funnel(Funnel funnel) {
        double toCart = rate(funnel.carted(), funnel.viewed());
        double toPurchase = rate(funnel.purchased(), funnel.carted());
        Map<String, Object> evidence = evidence("sessionsWithPageView", funnel.viewed(),
                "sessionsWithAddToCart", funnel.carted(), "sessionsWithPurchase", funnel.purchased(),
                "viewToCartRate", AnomalyDetector.round(toCart), "cartToPurchaseRate", AnomalyDetector.round(toPurchase),
                "overallConversionRate", AnomalyDetector.round(rate(funnel.purchased(), funnel.viewed())));
        String detail = String.format("%,d sessions viewed pages, %,d added to cart (%.1f%%), %,d purchased (%.1f%% of carts)",
                funnel.viewed(), funnel.carted(), toCart * 100, funnel.purchased(), toPurchase * 100);
        return new Insight("funnel", "Conversion funnel (page_view → add_to_cart → purchase)", detail, evidence);
    }

    /** The busiest hour of day, if it stands out from an even spread. */
    static Insight peakHour(long[] byHour) {
        long total = 0;
        int peak = 0;
        for (int hour = 0; hour < 24; hour++) {
            total += byHour[hour];
            if (byHour[hour] > byHour[peak]) {
                peak = hour;
            }
        }
        if (total == 0) {
            return null;
        }
        double share = byHour[peak] / (double) total;
        double lift = share * 24;
        if (lift < PEAK_HOUR_MIN_LIFT) {
            return null;
        }
        Map<String, Object> evidence = evidence("hourUtc", peak, "count", byHour[peak], "total", total,
                "share", AnomalyDetector.round(share), "evenShare", AnomalyDetector.round(1 / 24.0),
                "lift", AnomalyDetector.round(lift));
        String detail = String.format("%02d:00–%02d:59 UTC carries %.1f%% of interactions, %.1f× an even spread",
                peak, peak, share * 100, lift);
        return new Insight("peak_hour", "Peak hour of day", detail, evidence);
    }

    static List<Recommendation> recommendations(List<Insight> insights, List<Anomaly> anomalies) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (Insight insight : insights) {
            Recommendation recommendation = switch (insight.kind()) {
                case "funnel" -> funnelStep(insight);
                case "peak_hour" -> new Recommendation("Plan around the peak hour",
                        String.format("Schedule campaigns, staff and releases around %02d:00 UTC, which carries %.1f%% "
                                + "of interactions", (Integer) insight.evidence().get("hourUtc"),
                                100 * (Double) insight.evidence().get("share")),
                        "peak_hour", insight.evidence());
                case "top_products" -> featureProduct(insight);
                case "trend" -> "falling".equals(insight.evidence().get("direction"))
                        ? new Recommendation("Investigate the decline of " + insight.evidence().get("source")
                                + " interactions", insight.detail(), "trend", insight.evidence())
                        : null;
                default -> null;
            };
            if (recommendation != null) {
                recommendations.add(recommendation);
            }
        }
        anomalies.stream()
                .filter(anomaly -> anomaly.granularity().equals("day"))
                .sorted(Comparator.comparingDouble((Anomaly anomaly) -> -Math.abs(anomaly.modifiedZ())))
                .limit(MAX_ANOMALY_RECOMMENDATIONS)
                .map(Findings::anomalyFollowUp)
                .forEach(recommendations::add);
        return recommendations;
    }

    private static Recommendation funnelStep(Insight funnel) {
        long viewed = (Long) funnel.evidence().get("sessionsWithPageView");
        long carted = (Long) funnel.evidence().get("sessionsWithAddToCart");
        if (viewed == 0 || carted == 0) {
            return new Recommendation("Make products easy to add to the cart",
                    String.format("None of %,d sessions with page views added to cart", viewed), "funnel",
                    funnel.evidence());
        }
        double toCart = (Double) funnel.evidence().get("viewToCartRate");
        double toPurchase = (Double) funnel.evidence().get("cartToPurchaseRate");
        if (toCart <= toPurchase) {
            return new Recommendation("Improve the step from page view to add to cart",
                    String.format("Only %.1f%% of sessions with page views added to cart, against %.1f%% of carts "
                            + "that were purchased", toCart * 100, toPurchase * 100), "funnel", funnel.evidence());
        }
        return new Recommendation("Improve the step from cart to purchase",
                String.format("Only %.1f%% of sessions with a cart purchased, against %.1f%% of viewing sessions "
                        + "that added to cart", toPurchase * 100, toCart * 100), "funnel", funnel.evidence());
    }

    @SuppressWarnings("unchecked")
    private static Recommendation featureProduct(Insight topProducts) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) topProducts.evidence().get("items");
        Map<String, Object> top = items.get(0);
        return new Recommendation("Feature product " + top.get("key"),
                String.format("%s has the most interactions (%,d), with %,d add-to-carts and %,d purchases",
                        top.get("key"), (Long) top.get("count"), (Long) top.get("addToCarts"),
                        (Long) top.get("purchases")),
                "top_products", top);
    }

    private static Recommendation anomalyFollowUp(Anomaly anomaly) {
        Map<String, Object> evidence = evidence("day", anomaly.period(), "count", anomaly.count(),
                "median", anomaly.median(), "modifiedZ", anomaly.modifiedZ(), "bySource", anomaly.bySource());
        if (anomaly.direction().equals("spike")) {
            return new Recommendation("Find out what drove " + anomaly.period(),
                    String.format("%s had %,d interactions against a typical %,.0f (modified z %.1f); if a campaign "
                            + "or event caused it, repeat it", anomaly.period(), anomaly.count(), anomaly.median(),
                            anomaly.modifiedZ()),
                    "anomaly", evidence);
        }
        return new Recommendation("Check tracking and operations on " + anomaly.period(),
                String.format("%s had only %,d interactions against a typical %,.0f (modified z %.1f)",
                        anomaly.period(), anomaly.count(), anomaly.median(), anomaly.modifiedZ()),
                "anomaly", evidence);
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /** An insertion-ordered evidence map from alternating keys and values (values may be null). */
    static Map<String, Object> evidence(Object... keysAndValues) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            evidence.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return evidence;
    }
}
