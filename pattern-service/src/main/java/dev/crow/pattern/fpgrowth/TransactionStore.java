package dev.crow.pattern.fpgrowth;

import java.util.Arrays;

/** Transactions of int items packed into two growing arrays: a few bytes per item, no object per transaction. */
public final class TransactionStore {

    private int[] items = new int[1024];
    private int[] starts = new int[257];
    private int size;
    private int used;

    /** Adds one transaction: the first {@code length} entries of {@code transaction}, distinct items. */
    public void add(int[] transaction, int length) {
        if (used + length > items.length) {
            items = Arrays.copyOf(items, Math.max(items.length * 2, used + length));
        }
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        System.arraycopy(transaction, 0, items, used, length);
        used += length;
        size++;
        starts[size] = used;
    }

    public int size() {
        return size;
    }

    public int length(int transaction) {
        return starts[transaction + 1] - starts[transaction];
    }

    public int item(int transaction, int position) {
        return items[starts[transaction] + position];
    }

    /** Whether the transaction holds every one of {@code itemset}. */
    public boolean containsAll(int transaction, int[] itemset) {
        for (int wanted : itemset) {
            boolean found = false;
            for (int i = starts[transaction]; i < starts[transaction + 1] && !found; i++) {
                found = items[i] == wanted;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
