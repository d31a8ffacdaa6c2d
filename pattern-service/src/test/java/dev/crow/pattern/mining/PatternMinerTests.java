package dev.crow.pattern.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crow.interaction.demo.PlantedPatterns;
import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.pattern.PatternProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The miner on interaction-service's synthetic data, fed as the export's NDJSON: it finds exactly
 * the planted patterns, above the thresholds, and nothing else.
 */
class PatternMinerTests {

    private static final LocalDate FIRST = LocalDate.parse("2025-03-03");

    static PatternProperties.Mining defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("crow.pattern", Bindable.of(PatternProperties.class)).mining();
    }

    static MiningOutcome mine(SyntheticInteractions data, LocalDate from, LocalDate to) {
        MiningWindow window = new MiningWindow(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant());
        return new PatternMiner(defaults(), JsonMapper.builder().build()).mine(data.ndjson(), window, (n, at) -> { });
    }

    private static List<String> keys(MiningOutcome outcome, String kind) {
        return outcome.patterns().stream().filter(p -> p.kind().equals(kind)).map(MinedPattern::key).toList();
    }

    private static MinedPattern only(MiningOutcome outcome, String kind) {
        List<MinedPattern> found = outcome.patterns().stream().filter(p -> p.kind().equals(kind)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest
    @ValueSource(longs = {42, 1, 2, 3})
    void findsExactlyThePlantedPatterns(long seed) {
        SyntheticInteractions data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(seed, FIRST, 28));
        PlantedPatterns planted = data.planted();
        MiningOutcome outcome = mine(data, FIRST, FIRST.plusDays(28));

        assertThat(keys(outcome, MinedPattern.TEMPORAL_PEAK)).containsExactly("web:hour:" + planted.peakHourUtc());
        assertThat(keys(outcome, MinedPattern.CO_OCCURRENCE))
                .containsExactly("products:" + String.join("+", planted.productPair()));
        assertThat(keys(outcome, MinedPattern.NAVIGATION_SEQUENCE))
                .containsExactly("path:" + String.join(">", planted.navigationPath()));
        assertThat(keys(outcome, MinedPattern.TREND_SHIFT)).isEmpty();
        assertThat(keys(outcome, MinedPattern.WEB_CCTV_CORRELATION)).isEmpty();
        assertThat(outcome.notes()).anyMatch(note -> note.startsWith("trend shifts need data for the previous period"));
    }

    @Test
    void reportsStrengthAndEvidenceForEachPlantedPattern() {
        SyntheticInteractions data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(42, FIRST, 28));
        MiningOutcome outcome = mine(data, FIRST, FIRST.plusDays(28));

        MinedPattern peak = only(outcome, MinedPattern.TEMPORAL_PEAK);
        assertThat(peak.lift()).isGreaterThan(2.0);
        assertThat(peak.strength()).as("z").isGreaterThan(10);
        assertThat(peak.confidence()).as("share of days").isGreaterThan(0.9);
        assertThat(peak.evidence()).containsEntry("hourUtc", 19).containsKey("countsByHour");

        MinedPattern pair = only(outcome, MinedPattern.CO_OCCURRENCE);
        assertThat(pair.support()).isBetween(0.05, 0.09);
        assertThat(pair.lift()).isGreaterThan(3);
        assertThat(pair.confidence()).isGreaterThan(0.4);
        assertThat((List<?>) pair.evidence().get("rules")).hasSize(2);
        assertThat((List<?>) pair.evidence().get("exampleSessions")).hasSize(3);

        MinedPattern path = only(outcome, MinedPattern.NAVIGATION_SEQUENCE);
        assertThat(path.support()).isBetween(0.08, 0.12);
        assertThat(path.confidence()).isGreaterThan(0.9);
        assertThat(path.lift()).isGreaterThan(5);
        assertThat(path.evidence()).containsKey("exampleSession");
        assertThat(outcome.interactions()).isEqualTo(data.spliterator().getExactSizeIfKnown() < 0
                ? countOf(data) : data.spliterator().getExactSizeIfKnown());
    }

    private static long countOf(SyntheticInteractions data) {
        long count = 0;
        for (var ignored : data) {
            count++;
        }
        return count;
    }

    @Test
    void findsFootfallThatFollowsWebTrafficAndNothingWhenItDoesNot() {
        SyntheticInteractions correlated = new SyntheticInteractions(
                SyntheticInteractions.Settings.defaults(5, FIRST, 28).withCorrelatedFootfall(true));
        MinedPattern correlation = only(mine(correlated, FIRST, FIRST.plusDays(28)), MinedPattern.WEB_CCTV_CORRELATION);
        assertThat(correlation.strength()).as("Spearman").isGreaterThan(0.7);
        assertThat((double) correlation.evidence().get("pValueSpearman")).isLessThan(0.001);
        assertThat(correlation.evidence()).containsEntry("days", 28);

        for (long seed = 5; seed < 9; seed++) {
            SyntheticInteractions independent = new SyntheticInteractions(
                    SyntheticInteractions.Settings.defaults(seed, FIRST, 28));
            assertThat(keys(mine(independent, FIRST, FIRST.plusDays(28)), MinedPattern.WEB_CCTV_CORRELATION)).isEmpty();
        }
    }

    @Test
    void findsThePlantedGrowthOfMentionsAgainstThePreviousPeriodOnly() {
        SyntheticInteractions data = new SyntheticInteractions(
                SyntheticInteractions.Settings.defaults(9, FIRST, 56).withMentionGrowth(1.6).withSpikeDay(40));
        MiningOutcome outcome = mine(data, FIRST.plusDays(28), FIRST.plusDays(56));

        MinedPattern trend = only(outcome, MinedPattern.TREND_SHIFT);
        assertThat(trend.key()).isEqualTo("trend:social/mention");
        assertThat((double) trend.evidence().get("change")).isBetween(0.4, 0.8);
        assertThat(trend.strength()).as("z").isGreaterThan(3);
        assertThat(keys(outcome, MinedPattern.TEMPORAL_PEAK)).containsExactly("web:hour:19");
    }

    @Test
    void aSingleDayWindowStillFindsThePeakHourButJudgesNoWeekdays() {
        SyntheticInteractions data = new SyntheticInteractions(SyntheticInteractions.Settings.defaults(42, FIRST, 3));
        MiningOutcome outcome = mine(data, FIRST.plusDays(1), FIRST.plusDays(2));
        assertThat(keys(outcome, MinedPattern.TEMPORAL_PEAK)).containsExactly("web:hour:19");
        assertThat(outcome.notes()).anyMatch(note -> note.startsWith("day-of-week peaks need 14 whole days"));
        assertThat(keys(outcome, MinedPattern.TREND_SHIFT)).isEmpty();
    }

    @Test
    void anEmptyStreamGivesNoPatterns() {
        MiningWindow window = new MiningWindow(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant(),
                FIRST.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant());
        MiningOutcome outcome = new PatternMiner(defaults(), JsonMapper.builder().build())
                .mine(new ByteArrayInputStream(new byte[0]), window, (n, at) -> { });
        assertThat(outcome.patterns()).isEmpty();
        assertThat(outcome.interactions()).isZero();
    }

    @Test
    void malformedInputIsReportedWithItsPosition() {
        MiningWindow window = new MiningWindow(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant(),
                FIRST.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant());
        PatternMiner miner = new PatternMiner(defaults(), JsonMapper.builder().build());
        String good = "{\"id\":\"1\",\"sourceType\":\"web\",\"type\":\"page_view\",\"occurredAt\":\"2025-03-03T10:00:00Z\"}\n";
        assertThatThrownBy(() -> miner.mine(stream(good + "{\"sourceType\":\"web\""), window, (n, at) -> { }))
                .isInstanceOf(MiningInputException.class).hasMessageContaining("interaction 2");
        assertThatThrownBy(() -> miner.mine(stream(good + "[1,2]\n"), window, (n, at) -> { }))
                .isInstanceOf(MiningInputException.class).hasMessage("interaction 2 is not a JSON object");
        assertThatThrownBy(() -> miner.mine(stream("{\"sourceType\":\"web\",\"type\":\"click\",\"occurredAt\":\"noon\"}"),
                window, (n, at) -> { })).isInstanceOf(MiningInputException.class).hasMessageContaining("occurredAt");
        MiningOutcome future = miner.mine(stream(good.replace("\"web\"", "\"radio\"")), window, (n, at) -> { });
        assertThat(future.interactions()).isEqualTo(1);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
