package dev.crow.interaction.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.analysis.AnalysisReport.Anomaly;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTests {

    private static final LocalDate FIRST = LocalDate.parse("2025-04-01");
    private final AnomalyDetector detector = new AnomalyDetector(3.5, 0.25, 0.5, 0.001);

    private static Map<LocalDate, Map<String, Long>> days(long... totals) {
        Map<LocalDate, Map<String, Long>> counts = new HashMap<>();
        for (int i = 0; i < totals.length; i++) {
            counts.put(FIRST.plusDays(i), Map.of("web", totals[i]));
        }
        return counts;
    }

    @Test
    void medianAndMadAreRobustToTheOutlier() {
        double[] values = {10, 11, 9, 10, 12, 10, 500};
        double median = RobustStatistics.median(values);
        assertThat(median).isEqualTo(10);
        assertThat(RobustStatistics.mad(values, median)).isEqualTo(1);
        assertThat(RobustStatistics.scores(values).z()[6]).isEqualTo(0.6745 * 490, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void flagsASpikeAndADropWithTheirSize() {
        List<Anomaly> found = detector.daily(FIRST, FIRST.plusDays(10),
                days(1000, 1010, 990, 1005, 2500, 995, 1000, 1002, 200, 998));
        assertThat(found).extracting(Anomaly::period).containsExactly("2025-04-05", "2025-04-09");
        Anomaly spike = found.get(0);
        assertThat(spike.direction()).isEqualTo("spike");
        assertThat(spike.count()).isEqualTo(2500);
        assertThat(spike.median()).isEqualTo(1000);
        assertThat(spike.deviation()).isEqualTo(1500);
        assertThat(spike.bySource()).containsEntry("web", 2500L);
        assertThat(found.get(1).direction()).isEqualTo("drop");
    }

    @Test
    void ignoresNoiseAndStatisticallySignificantButTinyDeviations() {
        SplittableRandom random = new SplittableRandom(1);
        long[] totals = new long[60];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = 100_000 + random.nextInt(-50, 50);
        }
        totals[30] = 110_000; // z is huge, but 10% is not worth an alert
        assertThat(detector.daily(FIRST, FIRST.plusDays(60), days(totals))).isEmpty();
    }

    @Test
    void aConstantSeriesWithOneChangeFallsBackToTheMeanAbsoluteDeviation() {
        List<Anomaly> found = detector.daily(FIRST, FIRST.plusDays(8), days(50, 50, 50, 50, 50, 50, 50, 90));
        assertThat(found).extracting(Anomaly::period).containsExactly("2025-04-08");
        assertThat(found.get(0).mad()).isZero();
    }

    @Test
    void fewerThanAWeekOfDaysGivesNoAnomalies() {
        assertThat(detector.daily(FIRST, FIRST.plusDays(6), days(1, 1, 1, 1, 1, 900))).isEmpty();
    }

    @Test
    void hoursAreComparedWithTheSameHourOfOtherDays() {
        Map<LocalDateTime, Long> hourly = new HashMap<>();
        for (int day = 0; day < 14; day++) {
            for (int hour = 0; hour < 24; hour++) {
                // every evening is busy: that is the rhythm, not an anomaly
                hourly.put(FIRST.plusDays(day).atTime(hour, 0), hour == 19 ? 300L + day % 3 : 100L + (day + hour) % 5);
            }
        }
        hourly.put(FIRST.plusDays(9).atTime(3, 0), 400L);
        List<Anomaly> found = detector.hourly(FIRST, FIRST.plusDays(14), hourly);
        assertThat(found).extracting(Anomaly::period).containsExactly("2025-04-10T03:00:00Z");
    }

    @Test
    void theHourlyThresholdGrowsWithTheNumberOfHoursCompared() {
        assertThat(detector.hourlyThreshold(24)).isGreaterThan(3.5);
        assertThat(detector.hourlyThreshold(24 * 28)).isBetween(4.7, 4.9);
        assertThat(StandardNormal.upperTail(1.959964)).isCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(StandardNormal.upperQuantile(0.001)).isCloseTo(3.0902, org.assertj.core.data.Offset.offset(1e-3));
    }
}
