package dev.crow.pattern.fpgrowth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Association rules from frequent itemsets: every split of an itemset into antecedent and
 * consequent whose confidence and lift reach the minimums. All subsets of a frequent itemset are
 * frequent themselves, so every count a rule needs is among the itemsets.
 */
public final class AssociationRules {

    private final double minConfidence;
    private final double minLift;

    public AssociationRules(double minConfidence, double minLift) {
        this.minConfidence = minConfidence;
        this.minLift = minLift;
    }

    /** Rules of {@code itemset}, given all frequent itemsets and the number of transactions. */
    public List<AssociationRule> rules(FrequentItemset itemset, Counts counts, int transactions) {
        int[] items = itemset.items();
        List<AssociationRule> rules = new ArrayList<>();
        int subsets = 1 << items.length;
        for (int mask = 1; mask < subsets - 1; mask++) {
            int[] antecedent = pick(items, mask, true);
            int[] consequent = pick(items, mask, false);
            double confidence = itemset.count() / (double) counts.of(antecedent);
            double lift = confidence / (counts.of(consequent) / (double) transactions);
            if (confidence >= minConfidence && lift >= minLift) {
                rules.add(new AssociationRule(antecedent, consequent, itemset.count(),
                        itemset.count() / (double) transactions, confidence, lift));
            }
        }
        return rules;
    }

    private static int[] pick(int[] items, int mask, boolean inMask) {
        int[] picked = new int[items.length];
        int size = 0;
        for (int i = 0; i < items.length; i++) {
            if (((mask >> i) & 1) == (inMask ? 1 : 0)) {
                picked[size++] = items[i];
            }
        }
        return Arrays.copyOf(picked, size);
    }

    /** The support counts of mined itemsets, looked up by their (sorted) items. */
    public static final class Counts {

        private final Map<Key, Integer> counts = new HashMap<>();

        public Counts(List<FrequentItemset> itemsets) {
            for (FrequentItemset itemset : itemsets) {
                counts.put(new Key(itemset.items()), itemset.count());
            }
        }

        public int of(int[] sortedItems) {
            Integer count = counts.get(new Key(sortedItems));
            if (count == null) {
                throw new IllegalArgumentException("not a mined itemset: " + Arrays.toString(sortedItems));
            }
            return count;
        }

        private record Key(int[] items) {

            @Override
            public boolean equals(Object other) {
                return other instanceof Key that && Arrays.equals(items, that.items);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(items);
            }
        }
    }
}
