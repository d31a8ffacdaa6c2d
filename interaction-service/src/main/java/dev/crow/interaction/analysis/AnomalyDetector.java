package dev.crow.interaction.analysis;

import dev.crow.interaction.analysis.AnalysisReport.Anomaly;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds days and hours whose counts are far from usual by the modified z-score. Hours are
 * compared with the same hour of the other days, so a daily rhythm (a busy evening) is the
 * baseline rather than an anomaly. A month holds ~700 hourly counts, and interactions arrive in
 * bursts (a session is several at once), so by chance alone some hour would pass 3.5: the hourly
 * threshold is raised for the number of hours compared (Bonferroni, {@code hourlyFamilyError}
 * family-wise), about 4.8 for a month. A deviation must also be a material fraction of the
 * median: with large counts tiny wobbles are statistically "significant" but not worth a look.
 */
final class AnomalyDetector {

    /** Fewer days than this give no meaningful median. */
    static final int MIN_DAYS = 7;

    private final double threshold;
    private final double dailyMinRelativeDeviation;
    private final double hourlyMinRelativeDeviation;
    private final double hourlyFamilyError;

    AnomalyDetector(double threshold, double dailyMinRelativeDeviation, double hourlyMinRelativeDeviation,
            double hourlyFamilyError) {
        this.threshold = threshold;
        this.dailyMinRelativeDeviation = dailyMinRelativeDeviation;
        this.hourlyMinRelativeDeviation = hourlyMinRelativeDeviation;
        this.hourlyFamilyError = hourlyFamilyError;
    }

    /** The modified z an hour must pass when {@code comparisons} hours are judged at once. */
    double hourlyThreshold(int comparisons) {
        double corrected = StandardNormal.upperQuantile(hourlyFamilyError / (2.0 * comparisons));
        return Math.max(threshold, corrected);
    }

    /** Anomalous days in {@code [first, end)}; {@code counts} holds per-source counts by day (missing = 0). */
    List<Anomaly> daily(LocalDate first, LocalDate end, Map<LocalDate, Map<String, Long>> counts) {
        int days = (int) ChronoUnit.DAYS.between(first, end);
        if (days < MIN_DAYS) {
            return List.of();
        }
        double[] totals = new double[days];
        for (int i = 0; i < days; i++) {
            totals[i] = counts.getOrDefault(first.plusDays(i), Map.of()).values().stream().mapToLong(c -> c).sum();
        }
        RobustStatistics.Scores scores = RobustStatistics.scores(totals);
        List<Anomaly> anomalies = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            if (isAnomalous(totals[i], scores.median(), scores.z()[i], threshold, dailyMinRelativeDeviation)) {
                LocalDate day = first.plusDays(i);
                anomalies.add(anomaly("day", day.toString(), totals[i], scores.median(), scores.mad(),
                        scores.z()[i], Map.copyOf(counts.getOrDefault(day, Map.of()))));
            }
        }
        return anomalies;
    }

    /**
     * Anomalous hours in the days {@code [first, end)}. Each hour is measured against the median
     * of the same hour on the other days. Counts are first variance-stabilized (Anscombe:
     * 2·sqrt(x + 3/8), under which count noise has about the same spread whatever the level), so
     * one MAD pooled over all hours can serve as the spread: far steadier than 24 MADs of a few
     * dozen values each, and less fooled by the bursts sessions make.
     */
    List<Anomaly> hourly(LocalDate first, LocalDate end, Map<LocalDateTime, Long> counts) {
        int days = (int) ChronoUnit.DAYS.between(first, end);
        if (days < MIN_DAYS) {
            return List.of();
        }
        double[][] series = new double[24][days];
        double[] medians = new double[24];
        double[] stabilizedMedians = new double[24];
        double[] deviations = new double[24 * days];
        for (int hour = 0; hour < 24; hour++) {
            double[] stabilized = new double[days];
            for (int i = 0; i < days; i++) {
                series[hour][i] = counts.getOrDefault(first.plusDays(i).atTime(hour, 0), 0L);
                stabilized[i] = anscombe(series[hour][i]);
            }
            medians[hour] = RobustStatistics.median(series[hour]);
            stabilizedMedians[hour] = RobustStatistics.median(stabilized);
            for (int i = 0; i < days; i++) {
                deviations[hour * days + i] = Math.abs(stabilized[i] - stabilizedMedians[hour]);
            }
        }
        double pooledMad = RobustStatistics.median(deviations);
        if (pooledMad == 0) {
            return List.of();
        }
        double hourly = hourlyThreshold(24 * days);
        List<Anomaly> anomalies = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            // the pooled spread in counts at this hour's level (d/dx of the transform is 1/sqrt(x))
            double mad = pooledMad * Math.sqrt(Math.max(1, medians[hour]));
            for (int i = 0; i < days; i++) {
                double z = RobustStatistics.MAD_SCALE * (anscombe(series[hour][i]) - stabilizedMedians[hour]) / pooledMad;
                if (isAnomalous(series[hour][i], medians[hour], z, hourly, hourlyMinRelativeDeviation)) {
                    LocalDateTime at = first.plusDays(i).atTime(hour, 0);
                    anomalies.add(anomaly("hour", at + ":00Z", series[hour][i], medians[hour], mad, z, null));
                }
            }
        }
        anomalies.sort(Comparator.comparing(Anomaly::period));
        return anomalies;
    }

    private static double anscombe(double count) {
        return 2 * Math.sqrt(count + 0.375);
    }

    private static boolean isAnomalous(double value, double median, double z, double zThreshold,
            double minRelativeDeviation) {
        return Math.abs(z) > zThreshold && Math.abs(value - median) >= minRelativeDeviation * median;
    }

    private static Anomaly anomaly(String granularity, String period, double value, double median, double mad,
            double z, Map<String, Long> bySource) {
        long deviation = Math.round(value - median);
        Double relative = median > 0 ? round(deviation / median) : null;
        return new Anomaly(granularity, period, Math.round(value), round(median), round(mad), round(z), deviation,
                relative, deviation > 0 ? "spike" : "drop", bySource);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
