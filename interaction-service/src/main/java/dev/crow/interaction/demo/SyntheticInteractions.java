package dev.crow.interaction.demo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Deterministic synthetic interactions: web sessions, CCTV footfall and social mentions over a
 * number of days, with known patterns planted into uniform noise (noise hours, weekdays,
 * products and pages are spread evenly or independently, so that nothing else stands out):
 * a peak hour, a product pair bought together, a navigation path, a flash-sale spike on one
 * day, and optionally CCTV footfall that follows web traffic and a growth of mentions.
 * The same settings always give the same interactions, ids included, so loading a data set
 * twice stores it once. Interactions come out day by day in time order, in constant memory
 * beyond one day's worth.
 */
public final class SyntheticInteractions implements Iterable<SyntheticInteraction> {

    static final List<String> PRODUCT_PAIR = List.of("p-07", "p-13");
    static final List<String> NAVIGATION_PATH = List.of("/landing/summer-sale", "/collections/summer", "/products/p-21");
    static final List<Integer> SPIKE_HOURS = List.of(14, 15);

    /**
     * @param seed               the random seed: same seed, same data
     * @param firstDay           the first day (UTC) generated
     * @param days               number of days
     * @param sessionsPerDay     web sessions on an average day
     * @param peakHourUtc        the planted peak hour of web sessions
     * @param peakHourWeight     how many times more often a session starts in the peak hour than in another
     * @param pairShare          share of sessions that buy the product pair together
     * @param pathShare          share of sessions that open with the navigation path
     * @param spikeDayIndex      day (0-based) of the flash-sale spike; negative for none
     * @param spikeInteractions  extra web interactions during the spike hours
     * @param footfallPerDay     CCTV visits on an average day
     * @param correlatedFootfall whether footfall follows the day's web traffic
     * @param mentionsPerDay     social mentions on an average day
     * @param mentionGrowth      factor on mentions in the second half of the days
     * @param dailyVariation     days vary uniformly by ± this fraction around the average
     */
    public record Settings(long seed, LocalDate firstDay, int days, int sessionsPerDay, int peakHourUtc,
            double peakHourWeight, double pairShare, double pathShare, int spikeDayIndex, int spikeInteractions,
            int footfallPerDay, boolean correlatedFootfall, int mentionsPerDay, double mentionGrowth,
            double dailyVariation) {

        public Settings {
            if (days < 1 || sessionsPerDay < 1 || peakHourUtc < 0 || peakHourUtc > 23) {
                throw new IllegalArgumentException("days and sessionsPerDay must be positive, peakHourUtc 0-23");
            }
            if (pairShare < 0 || pathShare < 0 || pairShare + pathShare > 1) {
                throw new IllegalArgumentException("pairShare and pathShare must be shares that add up to at most 1");
            }
        }

        /** The demo data set: 400 sessions a day, peak at 19:00 UTC, spike on the 18th day (if there is one). */
        public static Settings defaults(long seed, LocalDate firstDay, int days) {
            return new Settings(seed, firstDay, days, 400, 19, 3.0, 0.06, 0.10, days > 17 ? 17 : -1, 1500,
                    300, false, 20, 1.0, 0.10);
        }

        public Settings withSessionsPerDay(int sessions) {
            return new Settings(seed, firstDay, days, sessions, peakHourUtc, peakHourWeight, pairShare, pathShare,
                    spikeDayIndex, spikeInteractions * sessions / Math.max(1, sessionsPerDay),
                    footfallPerDay * sessions / Math.max(1, sessionsPerDay), correlatedFootfall,
                    mentionsPerDay * sessions / Math.max(1, sessionsPerDay), mentionGrowth, dailyVariation);
        }

        public Settings withCorrelatedFootfall(boolean correlated) {
            return new Settings(seed, firstDay, days, sessionsPerDay, peakHourUtc, peakHourWeight, pairShare,
                    pathShare, spikeDayIndex, spikeInteractions, footfallPerDay, correlated, mentionsPerDay,
                    mentionGrowth, dailyVariation);
        }

        public Settings withMentionGrowth(double growth) {
            return new Settings(seed, firstDay, days, sessionsPerDay, peakHourUtc, peakHourWeight, pairShare,
                    pathShare, spikeDayIndex, spikeInteractions, footfallPerDay, correlatedFootfall, mentionsPerDay,
                    growth, dailyVariation);
        }

        public Settings withSpikeDay(int dayIndex) {
            return new Settings(seed, firstDay, days, sessionsPerDay, peakHourUtc, peakHourWeight, pairShare,
                    pathShare, dayIndex, spikeInteractions, footfallPerDay, correlatedFootfall, mentionsPerDay,
                    mentionGrowth, dailyVariation);
        }
    }

    private final Settings settings;

    public SyntheticInteractions(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public PlantedPatterns planted() {
        boolean spike = settings.spikeDayIndex() >= 0 && settings.spikeDayIndex() < settings.days();
        return new PlantedPatterns(settings.peakHourUtc(), PRODUCT_PAIR, NAVIGATION_PATH,
                spike ? settings.firstDay().plusDays(settings.spikeDayIndex()) : null,
                spike ? SPIKE_HOURS : List.of(), settings.correlatedFootfall(), settings.mentionGrowth(),
                settings.firstDay(), settings.days());
    }

    /** The interactions of one day (0-based), in time order. */
    public List<SyntheticInteraction> day(int index) {
        return new SyntheticDay(settings, index).interactions();
    }

    @Override
    public Iterator<SyntheticInteraction> iterator() {
        return new Iterator<>() {
            private int nextDay;
            private Iterator<SyntheticInteraction> current = List.<SyntheticInteraction>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && nextDay < settings.days()) {
                    current = day(nextDay++).iterator();
                }
                return current.hasNext();
            }

            @Override
            public SyntheticInteraction next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The data set as interaction-service's NDJSON export would stream it, rendered lazily day by day. */
    public InputStream ndjson() {
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int nextDay;

            @Override
            public boolean hasMoreElements() {
                return nextDay < settings.days();
            }

            @Override
            public InputStream nextElement() {
                StringBuilder lines = new StringBuilder(1 << 20);
                for (SyntheticInteraction interaction : day(nextDay++)) {
                    lines.append(interaction.toJson()).append('\n');
                }
                return new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
