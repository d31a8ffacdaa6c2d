package dev.crow.pattern.mining;

import dev.crow.pattern.PatternProperties;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mines every pattern kind in one pass over an NDJSON interaction stream (interaction-service's
 * export, oldest first, covering the window and the baseline before it). Memory grows with the
 * interned pages and products, the sessions active at one point of the stream and the compact
 * per-session baskets and path counts, never with the interactions themselves.
 */
public final class PatternMiner {

    private static final int PROGRESS_EVERY = 10_000;

    private final PatternProperties.Mining settings;
    private final JsonMapper json;

    public PatternMiner(PatternProperties.Mining settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** Called every few thousand interactions with the count so far and the stream's current time. */
    @FunctionalInterface
    public interface Progress {
        void update(long interactions, Instant position);
    }

    public MiningOutcome mine(InputStream ndjson, MiningWindow window, Progress progress) {
        Interner pages = new Interner();
        Interner products = new Interner();
        TemporalPeaks temporal = new TemporalPeaks(window, settings.temporal());
        ProductAffinity affinity = new ProductAffinity(window, settings.coOccurrence());
        NavigationPaths navigation = new NavigationPaths(window, settings.sequences());
        TrendShifts trends = new TrendShifts(window, settings.trends());
        WebFootfallCorrelation correlation = new WebFootfallCorrelation(window, settings.correlation());
        SessionTracker sessions = new SessionTracker(settings.sessionTimeout().toMillis(), pages, products, session -> {
            temporal.accept(session);
            affinity.accept(session);
            navigation.accept(session);
            correlation.accept(session);
        });
        long[] read = {0};
        long total = new NdjsonInteractionReader(json).read(ndjson, event -> {
            trends.accept(event);
            if (window.inWindow(event.occurredAt)) {
                temporal.accept(event);
                correlation.accept(event);
            }
            sessions.accept(event);
            if (++read[0] % PROGRESS_EVERY == 0) {
                progress.update(read[0], Instant.ofEpochMilli(event.occurredAt));
            }
        });
        sessions.closeAll();
        List<String> notes = new ArrayList<>();
        List<MinedPattern> patterns = new ArrayList<>();
        patterns.addAll(strongest(temporal.patterns(notes)));
        patterns.addAll(strongest(affinity.patterns(products, notes)));
        patterns.addAll(strongest(navigation.patterns(pages)));
        patterns.addAll(strongest(trends.patterns(notes)));
        patterns.addAll(correlation.patterns(notes));
        return new MiningOutcome(List.copyOf(patterns), total, sessions.sessions(), List.copyOf(notes));
    }

    private List<MinedPattern> strongest(List<MinedPattern> patterns) {
        return patterns.stream()
                .sorted(Comparator.comparingDouble((MinedPattern p) -> -Math.abs(p.strength())))
                .limit(settings.maxPatternsPerKind())
                .toList();
    }
}
