package dev.crow.pattern.fpgrowth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FP-Growth (Han, Pei and Yin, 2000): transactions are compressed into a prefix tree of their
 * frequent items in descending frequency, and itemsets are grown from each item's conditional
 * tree (the prefix paths that end in it) instead of generating and counting candidates.
 */
public final class FpGrowth {

    private final int minCount;
    private final int maxSize;

    /**
     * @param minCount least number of transactions an itemset must occur in
     * @param maxSize  largest itemset mined (bounds the work on very dense data)
     */
    public FpGrowth(int minCount, int maxSize) {
        if (minCount < 1 || maxSize < 1) {
            throw new IllegalArgumentException("minCount and maxSize must be positive");
        }
        this.minCount = minCount;
        this.maxSize = maxSize;
    }

    /** Every itemset of up to {@code maxSize} items occurring in at least {@code minCount} transactions. */
    public List<FrequentItemset> mine(TransactionStore transactions) {
        int maxItem = -1;
        for (int t = 0; t < transactions.size(); t++) {
            for (int p = 0; p < transactions.length(t); p++) {
                maxItem = Math.max(maxItem, transactions.item(t, p));
            }
        }
        int[] counts = new int[maxItem + 1];
        for (int t = 0; t < transactions.size(); t++) {
            for (int p = 0; p < transactions.length(t); p++) {
                counts[transactions.item(t, p)]++;
            }
        }
        FpTree tree = new FpTree(counts, minCount);
        int[] buffer = new int[Math.max(1, maxTransactionLength(transactions))];
        for (int t = 0; t < transactions.size(); t++) {
            int length = transactions.length(t);
            for (int p = 0; p < length; p++) {
                buffer[p] = transactions.item(t, p);
            }
            tree.insert(buffer, length, 1);
        }
        List<FrequentItemset> found = new ArrayList<>();
        grow(tree, new int[0], found);
        return found;
    }

    private void grow(FpTree tree, int[] suffix, List<FrequentItemset> found) {
        // least frequent first: its conditional trees are the smallest
        for (int rank = tree.itemCount() - 1; rank >= 0; rank--) {
            int support = tree.support(rank);
            if (support < minCount) {
                continue;
            }
            int[] itemset = Arrays.copyOf(suffix, suffix.length + 1);
            itemset[suffix.length] = tree.item(rank);
            found.add(new FrequentItemset(itemset, support));
            if (itemset.length < maxSize) {
                FpTree conditional = tree.conditional(rank, minCount);
                if (conditional.itemCount() > 0) {
                    grow(conditional, itemset, found);
                }
            }
        }
    }

    private static int maxTransactionLength(TransactionStore transactions) {
        int max = 0;
        for (int t = 0; t < transactions.size(); t++) {
            max = Math.max(max, transactions.length(t));
        }
        return max;
    }
}
