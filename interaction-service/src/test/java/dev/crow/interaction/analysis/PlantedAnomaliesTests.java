package dev.crow.interaction.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.analysis.AnalysisReport.Anomaly;
import dev.crow.interaction.demo.SyntheticInteraction;
import dev.crow.interaction.demo.SyntheticInteractions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detector on the demo data of many seeds, counted in memory the way the SQL aggregates count:
 * exactly the planted spike day and hours, nothing else, whatever the noise.
 */
class PlantedAnomaliesTests {

    private static final LocalDate FIRST = LocalDate.parse("2025-06-01");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 42})
    void findsExactlyThePlantedSpike(long seed) {
        SyntheticInteractions data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(seed, FIRST, 28));
        Map<LocalDate, Map<String, Long>> daily = new HashMap<>();
        Map<LocalDateTime, Long> hourly = new HashMap<>();
        for (SyntheticInteraction interaction : data) {
            LocalDateTime at = LocalDateTime.ofInstant(interaction.occurredAt(), ZoneOffset.UTC);
            daily.computeIfAbsent(at.toLocalDate(), d -> new TreeMap<>()).merge(interaction.sourceType(), 1L, Long::sum);
            hourly.merge(at.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
        }
        AnomalyDetector detector = new AnomalyDetector(3.5, 0.25, 0.5, 0.001);
        LocalDate end = FIRST.plusDays(28);
        List<Anomaly> days = detector.daily(FIRST, end, daily);
        List<Anomaly> hours = detector.hourly(FIRST, end, hourly);

        LocalDate spike = data.planted().spikeDay();
        assertThat(days).extracting(Anomaly::period).containsExactly(spike.toString());
        assertThat(hours).extracting(Anomaly::period).containsExactly(spike + "T14:00:00Z", spike + "T15:00:00Z");
    }
}
