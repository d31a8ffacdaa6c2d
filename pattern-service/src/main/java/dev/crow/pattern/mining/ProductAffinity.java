package dev.crow.pattern.mining;

import dev.crow.pattern.PatternProperties;
import dev.crow.pattern.fpgrowth.AssociationRule;
import dev.crow.pattern.fpgrowth.AssociationRules;
import dev.crow.pattern.fpgrowth.FpGrowth;
import dev.crow.pattern.fpgrowth.FrequentItemset;
import dev.crow.pattern.fpgrowth.TransactionStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Products that co-occur in visitor sessions: each session's distinct products are one
 * transaction, FP-Growth finds the itemsets above the minimum support, and an itemset is a
 * pattern when at least one of its association rules passes the minimum confidence and lift.
 * Support is a share of all web sessions of the window.
 */
final class ProductAffinity {

    private static final int MAX_EXAMPLES = 3;

    private final MiningWindow window;
    private final PatternProperties.CoOccurrence settings;
    private final TransactionStore transactions = new TransactionStore();
    private final List<String> sessionIds = new ArrayList<>();
    private int sessions;

    ProductAffinity(MiningWindow window, PatternProperties.CoOccurrence settings) {
        this.window = window;
        this.settings = settings;
    }

    void accept(ClosedSession session) {
        if (!window.inWindow(session.startedAt())) {
            return;
        }
        sessions++;
        if (session.products().length > 0) {
            transactions.add(session.products(), session.products().length);
            sessionIds.add(session.sessionId());
        }
    }

    List<MinedPattern> patterns(Interner products, List<String> notes) {
        if (transactions.size() == 0) {
            return List.of();
        }
        int minCount = Math.max(settings.minCount(), (int) Math.ceil(settings.minSupport() * sessions));
        List<FrequentItemset> itemsets = new FpGrowth(minCount, settings.maxItemsetSize()).mine(transactions);
        AssociationRules.Counts counts = new AssociationRules.Counts(itemsets);
        AssociationRules rules = new AssociationRules(settings.minConfidence(), settings.minLift());
        List<MinedPattern> patterns = new ArrayList<>();
        for (FrequentItemset itemset : itemsets) {
            if (itemset.size() < 2) {
                continue;
            }
            List<AssociationRule> found = rules.rules(itemset, counts, sessions);
            if (!found.isEmpty()) {
                patterns.add(pattern(itemset, found, counts, products));
            }
        }
        notes.add("co-occurrence: " + sessions + " sessions, " + transactions.size() + " with products, "
                + itemsets.size() + " frequent itemsets at " + minCount + " sessions or more");
        patterns.sort(Comparator.comparingDouble(MinedPattern::strength).reversed());
        return patterns;
    }

    private MinedPattern pattern(FrequentItemset itemset, List<AssociationRule> rules, AssociationRules.Counts counts,
            Interner products) {
        AssociationRule best = rules.stream().max(Comparator.comparingDouble(AssociationRule::lift)
                .thenComparingDouble(AssociationRule::confidence)).orElseThrow();
        List<String> names = names(itemset.items(), products);
        Map<String, Object> itemSessions = new LinkedHashMap<>();
        for (int item : itemset.items()) {
            itemSessions.put(products.name(item), counts.of(new int[] {item}));
        }
        List<Map<String, Object>> ruleEvidence = new ArrayList<>();
        for (AssociationRule rule : rules) {
            ruleEvidence.add(Evidence.of("if", names(rule.antecedent(), products), "then",
                    names(rule.consequent(), products), "confidence", MinedPattern.round(rule.confidence()),
                    "lift", MinedPattern.round(rule.lift())));
        }
        double support = itemset.count() / (double) sessions;
        Map<String, Object> evidence = Evidence.of("products", names, "sessions", itemset.count(),
                "totalSessions", sessions, "sessionsWithEachProduct", itemSessions, "rules", ruleEvidence,
                "exampleSessions", examples(itemset.items()));
        String title = String.format(Locale.ROOT, "%s occur in the same session %.1f%% of the time, %.1f× chance "
                        + "(%s → %s: %.0f%% confidence)", String.join(" + ", names), 100 * support, best.lift(),
                String.join(" + ", names(best.antecedent(), products)), String.join(" + ", names(best.consequent(), products)),
                100 * best.confidence());
        return new MinedPattern(MinedPattern.CO_OCCURRENCE, "products:" + String.join("+", names), title,
                MinedPattern.round(support), MinedPattern.round(best.confidence()), MinedPattern.round(best.lift()),
                MinedPattern.round(best.lift()), evidence);
    }

    private List<String> examples(int[] itemset) {
        List<String> examples = new ArrayList<>();
        for (int t = 0; t < transactions.size() && examples.size() < MAX_EXAMPLES; t++) {
            if (transactions.containsAll(t, itemset)) {
                examples.add(sessionIds.get(t));
            }
        }
        return examples;
    }

    private static List<String> names(int[] items, Interner products) {
        return Arrays.stream(items).mapToObj(products::name).sorted().toList();
    }
}
