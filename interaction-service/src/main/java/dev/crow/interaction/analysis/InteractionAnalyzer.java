package dev.crow.interaction.analysis;

import dev.crow.interaction.InteractionProperties;
import dev.crow.interaction.SourceType;
import dev.crow.interaction.analysis.AnalysisQueries.DailyCount;
import dev.crow.interaction.analysis.AnalysisQueries.HourlyCount;
import dev.crow.interaction.analysis.AnalysisQueries.Ranked;
import dev.crow.interaction.analysis.AnalysisQueries.Reach;
import dev.crow.interaction.analysis.AnalysisQueries.Scope;
import dev.crow.interaction.analysis.AnalysisQueries.TypeCount;
import dev.crow.interaction.analysis.AnalysisReport.Anomaly;
import dev.crow.interaction.analysis.AnalysisReport.Insight;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Builds an organization's analysis from SQL aggregates, then asks the LLM for a narrative when one is configured. */
@Component
class InteractionAnalyzer {

    private final AnalysisQueries queries;
    private final NarrativeWriter narratives;
    private final InteractionProperties.Analysis settings;
    private final AnomalyDetector anomalies;
    private final Clock clock;

    InteractionAnalyzer(AnalysisQueries queries, NarrativeWriter narratives, InteractionProperties properties) {
        this.queries = queries;
        this.narratives = narratives;
        this.settings = properties.analysis();
        this.anomalies = new AnomalyDetector(settings.anomalyThreshold(), settings.dailyMinRelativeDeviation(),
                settings.hourlyMinRelativeDeviation(), settings.hourlyFamilyError());
        this.clock = Clock.systemUTC();
    }

    AnalysisReport analyze(String organizationId, AnalysisRequest request) {
        Instant now = clock.instant();
        AnalysisWindow window = AnalysisWindow.resolve(request, now, settings.defaultWindow(), settings.maxWindow());
        AnalysisReport report = statistical(organizationId, window, now);
        return narratives.narrate(report);
    }

    AnalysisReport statistical(String organizationId, AnalysisWindow window, Instant now) {
        Scope scope = new Scope(organizationId, window.from(), window.to());
        AnalysisReport.Summary summary = summary(queries.typeCounts(scope), queries.reach(scope));
        List<Insight> insights = new ArrayList<>();
        List<Anomaly> found = new ArrayList<>();
        if (summary.total() > 0) {
            List<DailyCount> daily = queries.daily(scope);
            List<HourlyCount> hourly = queries.hourly(scope);
            long days = daily.stream().map(DailyCount::day).distinct().count();
            insights.add(Findings.volume(summary, days));
            insights.addAll(Findings.trends(queries.halves(scope, window.middle(summary.firstAt()))));
            addRanking(insights, "top_pages", "Top pages", "page views", queries.topPages(scope, settings.topN()),
                    summary.byType().getOrDefault("page_view", 0L));
            addRanking(insights, "top_products", "Top products", "interactions",
                    queries.topProducts(scope, settings.topN()), summary.total());
            addRanking(insights, "top_cameras", "Top cameras", "CCTV interactions",
                    queries.topCameras(scope, settings.topN()), summary.bySource().get("cctv"));
            AnalysisQueries.Funnel funnel = queries.funnel(scope);
            if (funnel.viewed() > 0) {
                insights.add(Findings.funnel(funnel));
            }
            Insight peak = Findings.peakHour(byHourOfDay(hourly));
            if (peak != null) {
                insights.add(peak);
            }
            found.addAll(anomalies(window, summary, daily, hourly));
        }
        return new AnalysisReport(organizationId, window.from(), window.to(), AnalysisReport.STATISTICAL, null,
                now.truncatedTo(ChronoUnit.MILLIS), summary, insights, found,
                Findings.recommendations(insights, found), null, null);
    }

    private List<Anomaly> anomalies(AnalysisWindow window, AnalysisReport.Summary summary, List<DailyCount> daily,
            List<HourlyCount> hourly) {
        // judge complete days only, from the first whole day with data: the days before an
        // organization's first interaction, and the part-day it started on, are not drops
        LocalDate first = AnalysisWindow.firstCompleteDay(window.from());
        LocalDate firstData = AnalysisWindow.firstCompleteDay(summary.firstAt());
        if (firstData.isAfter(first)) {
            first = firstData;
        }
        LocalDate end = window.endOfCompleteDays();
        if (!first.isBefore(end)) {
            return List.of();
        }
        Map<LocalDate, Map<String, Long>> byDay = new HashMap<>();
        for (DailyCount count : daily) {
            byDay.computeIfAbsent(count.day(), d -> new TreeMap<>()).put(count.source(), count.count());
        }
        Map<LocalDateTime, Long> byHour = new HashMap<>();
        for (HourlyCount count : hourly) {
            byHour.put(count.hour(), count.count());
        }
        List<Anomaly> found = new ArrayList<>(anomalies.daily(first, end, byDay));
        found.addAll(anomalies.hourly(first, end, byHour));
        return found;
    }

    private static long[] byHourOfDay(List<HourlyCount> hourly) {
        long[] byHour = new long[24];
        for (HourlyCount count : hourly) {
            byHour[count.hour().getHour()] += count.count();
        }
        return byHour;
    }

    private static void addRanking(List<Insight> insights, String kind, String title, String unit, List<Ranked> ranked,
            long total) {
        if (!ranked.isEmpty()) {
            insights.add(Findings.ranking(kind, title, unit, ranked, total));
        }
    }

    private static AnalysisReport.Summary summary(List<TypeCount> counts, Reach reach) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        for (SourceType source : SourceType.values()) {
            bySource.put(source.wireName(), 0L);
        }
        Map<String, Long> byType = new TreeMap<>();
        long total = 0;
        for (TypeCount count : counts) {
            bySource.merge(count.source(), count.count(), Long::sum);
            byType.merge(count.type(), count.count(), Long::sum);
            total += count.count();
        }
        return new AnalysisReport.Summary(total, bySource, byType, reach.visitors(), reach.sessions(), reach.firstAt(),
                reach.lastAt());
    }
}
