package dev.crow.interaction.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of an analysis. {@code method} says how it was made: {@code statistical} (SQL
 * aggregates and robust statistics only, {@code narrative} null) or {@code llm} (the same facts
 * plus a narrative the configured model wrote from them).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AnalysisReport(
        String organizationId,
        Instant from,
        Instant to,
        String method,
        String model,
        Instant generatedAt,
        Summary summary,
        List<Insight> insights,
        List<Anomaly> anomalies,
        List<Recommendation> recommendations,
        String narrative,
        String narrativeError) {

    static final String STATISTICAL = "statistical";
    static final String LLM = "llm";

    AnalysisReport withNarrative(String method, String model, String narrative, String narrativeError) {
        return new AnalysisReport(organizationId, from, to, method, model, generatedAt, summary, insights, anomalies,
                recommendations, narrative, narrativeError);
    }

    /** Totals of the window. */
    record Summary(long total, Map<String, Long> bySource, Map<String, Long> byType, long visitors, long sessions,
            Instant firstAt, Instant lastAt) {
    }

    /** One finding and the numbers it rests on. */
    record Insight(String kind, String title, String detail, Map<String, Object> evidence) {
    }

    /**
     * A count far from its usual level: {@code granularity} is {@code day} or {@code hour};
     * hours are compared with the same hour of the other days.
     */
    record Anomaly(String granularity, String period, long count, double median, double mad, double modifiedZ,
            long deviation, Double relativeDeviation, String direction, Map<String, Long> bySource) {
    }

    /** Something to do, derived from an insight or anomaly, with its evidence. */
    record Recommendation(String title, String detail, String basedOn, Map<String, Object> evidence) {
    }
}
