package dev.crow.pattern.mining;

import dev.crow.pattern.PatternProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Frequent navigation sequences: contiguous page paths of 2 to 4 pages within sessions.
 * Support is the share of sessions with page views that contain the path; confidence is how
 * often the path's first pages are followed by its last; lift compares that with how often
 * the last page is visited at all (so a path into a popular page is not a pattern by itself).
 * A path contained in a longer path that keeps nearly all of its sessions is dropped: the
 * longer path says the same, and more.
 */
final class NavigationPaths {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 4;

    private final MiningWindow window;
    private final PatternProperties.Sequences settings;
    private final Map<PagePath, Counter> paths = new HashMap<>();
    private final Map<Integer, Long> arrivals = new HashMap<>();
    private long totalArrivals;
    private int sessions;

    NavigationPaths(MiningWindow window, PatternProperties.Sequences settings) {
        this.window = window;
        this.settings = settings;
    }

    void accept(ClosedSession session) {
        int[] pages = session.pages();
        if (!window.inWindow(session.startedAt()) || pages.length == 0) {
            return;
        }
        sessions++;
        for (int i = 1; i < pages.length; i++) {
            arrivals.merge(pages[i], 1L, Long::sum);
            totalArrivals++;
        }
        Set<PagePath> seen = new HashSet<>();
        for (int length = MIN_LENGTH; length <= MAX_LENGTH; length++) {
            for (int start = 0; start + length <= pages.length; start++) {
                PagePath path = PagePath.of(pages, start, length);
                Counter counter = paths.computeIfAbsent(path, p -> new Counter());
                counter.occurrences++;
                if (seen.add(path)) {
                    counter.sessions++;
                    if (counter.example == null) {
                        counter.example = session.sessionId();
                    }
                }
            }
        }
    }

    List<MinedPattern> patterns(Interner pages) {
        if (sessions == 0) {
            return List.of();
        }
        Map<PagePath, Long> followed = new HashMap<>();
        paths.forEach((path, counter) -> followed.merge(path.prefix(), counter.occurrences, Long::sum));
        int minCount = Math.max(settings.minCount(), (int) Math.ceil(settings.minSupport() * sessions));
        List<Candidate> candidates = new ArrayList<>();
        paths.forEach((path, counter) -> {
            if (counter.sessions < minCount) {
                return;
            }
            double confidence = counter.occurrences / (double) followed.get(path.prefix());
            double arrivalShare = arrivals.getOrDefault(path.last(), 0L) / (double) totalArrivals;
            double lift = confidence / arrivalShare;
            if (confidence >= settings.minConfidence() && lift >= settings.minLift()) {
                candidates.add(new Candidate(path, counter, confidence, lift));
            }
        });
        Map<PagePath, Integer> longestExtension = new HashMap<>();
        paths.forEach((path, counter) -> {
            if (path.length() > MIN_LENGTH) {
                longestExtension.merge(path.prefix(), counter.sessions, Math::max);
                longestExtension.merge(path.suffix(), counter.sessions, Math::max);
            }
        });
        List<MinedPattern> patterns = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int extension = longestExtension.getOrDefault(candidate.path(), 0);
            // a longer path that keeps nearly all of this one's sessions says the same, and more
            if (extension < settings.closedRatio() * candidate.counter().sessions) {
                patterns.add(pattern(candidate, pages));
            }
        }
        patterns.sort(Comparator.comparingDouble(MinedPattern::strength).reversed());
        return patterns;
    }

    private MinedPattern pattern(Candidate candidate, Interner pages) {
        List<String> names = candidate.path().names(pages);
        double support = candidate.counter().sessions / (double) sessions;
        Map<String, Object> evidence = Evidence.of("pages", names, "sessions", candidate.counter().sessions,
                "totalSessions", sessions, "occurrences", candidate.counter().occurrences,
                "confidence", MinedPattern.round(candidate.confidence()), "lift", MinedPattern.round(candidate.lift()),
                "exampleSession", candidate.counter().example);
        String title = String.format(Locale.ROOT, "%s: in %.1f%% of sessions, %.0f%% confidence, %.1f× chance",
                String.join(" → ", names), 100 * support, 100 * candidate.confidence(), candidate.lift());
        return new MinedPattern(MinedPattern.NAVIGATION_SEQUENCE, "path:" + String.join(">", names), title,
                MinedPattern.round(support), MinedPattern.round(candidate.confidence()),
                MinedPattern.round(candidate.lift()), MinedPattern.round(candidate.lift()), evidence);
    }

    private record Candidate(PagePath path, Counter counter, double confidence, double lift) {
    }

    private static final class Counter {
        long occurrences;
        int sessions;
        String example;
    }

    /** Up to four interned pages; unused slots are -1. */
    record PagePath(int a, int b, int c, int d) {

        static PagePath of(int[] pages, int start, int length) {
            return new PagePath(pages[start], pages[start + 1], length > 2 ? pages[start + 2] : -1,
                    length > 3 ? pages[start + 3] : -1);
        }

        int length() {
            return d >= 0 ? 4 : c >= 0 ? 3 : b >= 0 ? 2 : 1;
        }

        int last() {
            return d >= 0 ? d : c >= 0 ? c : b;
        }

        PagePath prefix() {
            return switch (length()) {
                case 4 -> new PagePath(a, b, c, -1);
                case 3 -> new PagePath(a, b, -1, -1);
                default -> new PagePath(a, -1, -1, -1);
            };
        }

        PagePath suffix() {
            return switch (length()) {
                case 4 -> new PagePath(b, c, d, -1);
                case 3 -> new PagePath(b, c, -1, -1);
                default -> new PagePath(b, -1, -1, -1);
            };
        }

        List<String> names(Interner pages) {
            List<String> names = new ArrayList<>(4);
            for (int page : new int[] {a, b, c, d}) {
                if (page >= 0) {
                    names.add(pages.name(page));
                }
            }
            return names;
        }
    }
}
