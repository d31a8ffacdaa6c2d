package dev.crow.pattern.bench;

import dev.crow.interaction.demo.SyntheticInteraction;
import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.pattern.PatternProperties;
import dev.crow.pattern.mining.MinedPattern;
import dev.crow.pattern.mining.MiningOutcome;
import dev.crow.pattern.mining.MiningWindow;
import dev.crow.pattern.mining.PatternMiner;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mines about a million synthetic interactions (the export's NDJSON, rendered to a temporary file
 * first so that generating them is not timed) and reports the time, the peak heap in use and
 * what was found. Arguments: interactions wanted (default 1,000,000), days (default 90).
 */
public final class MiningBenchmark {

    public static void main(String[] args) throws IOException {
        long wanted = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        LocalDate first = LocalDate.parse("2025-01-01");
        // the demo mix has ~7.5 interactions per web session, counting CCTV footfall and mentions
        int sessionsPerDay = (int) Math.max(1, wanted / days / 7.5);
        SyntheticInteractions data = new SyntheticInteractions(
                SyntheticInteractions.Settings.defaults(7, first, days).withSessionsPerDay(sessionsPerDay));
        Path file = Files.createTempFile("crow-mining-bench", ".ndjson");
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SyntheticInteraction interaction : data) {
                out.write(interaction.toJson());
                out.write('\n');
                lines++;
            }
        }
        System.out.printf(Locale.ROOT, "generated %,d interactions over %d days (%d sessions/day), %,d MB of NDJSON%n",
                lines, days, sessionsPerDay, Files.size(file) >> 20);
        PatternProperties.Mining settings = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("crow.pattern", Bindable.of(PatternProperties.class)).mining();
        PatternMiner miner = new PatternMiner(settings, JsonMapper.builder().build());
        MiningWindow window = new MiningWindow(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                first.plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant());
        try {
            for (int run = 1; run <= 3; run++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                MiningOutcome outcome;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    outcome = miner.mine(in, window, (n, at) -> { });
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Integer> kinds = new TreeMap<>();
                outcome.patterns().forEach(p -> kinds.merge(p.kind(), 1, Integer::sum));
                System.out.printf(Locale.ROOT, "run %d: %,d interactions, %,d sessions in %.2f s (%,.0f interactions/s), "
                                + "peak heap used %,d MB (max heap %,d MB), patterns %s%n", run, outcome.interactions(),
                        outcome.sessions(), seconds, outcome.interactions() / seconds, peakHeapUsed() >> 20,
                        Runtime.getRuntime().maxMemory() >> 20, kinds);
                if (run == 3) {
                    outcome.patterns().stream().map(MinedPattern::title).forEach(title -> System.out.println("  " + title));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peakHeapUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
