package dev.crow.pattern.fpgrowth;

import java.util.Arrays;

/**
 * Items (ascending) that occur together in {@code count} transactions.
 */
public record FrequentItemset(int[] items, int count) {

    public FrequentItemset {
        items = items.clone();
        Arrays.sort(items);
    }

    @Override
    public int[] items() {
        return items.clone();
    }

    public int size() {
        return items.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrequentItemset that && count == that.count && Arrays.equals(items, that.items);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(items) + count;
    }

    @Override
    public String toString() {
        return Arrays.toString(items) + "x" + count;
    }
}
