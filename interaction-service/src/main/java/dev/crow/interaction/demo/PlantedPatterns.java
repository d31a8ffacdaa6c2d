package dev.crow.interaction.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * What a {@link SyntheticInteractions} data set was built to contain, so tests can assert that
 * miners and analyzers find exactly this and nothing of comparable strength.
 *
 * @param peakHourUtc        web sessions start at this hour far more often than at others
 * @param productPair        two products bought together in a share of sessions
 * @param navigationPath     a contiguous page path that opens a share of sessions
 * @param spikeDay           the day of a flash-sale burst of web traffic
 * @param spikeHoursUtc      the hours of that burst
 * @param correlatedFootfall whether CCTV footfall follows daily web traffic
 * @param mentionGrowth      factor applied to social mentions in the second half of the days (1 = none)
 * @param firstDay           the first generated day
 * @param days               how many days were generated
 */
public record PlantedPatterns(
        int peakHourUtc,
        List<String> productPair,
        List<String> navigationPath,
        LocalDate spikeDay,
        List<Integer> spikeHoursUtc,
        boolean correlatedFootfall,
        double mentionGrowth,
        LocalDate firstDay,
        int days) {
}
