package dev.crow.pattern.fpgrowth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The FP-tree: a prefix tree of transactions whose items are ordered by descending frequency,
 * so common prefixes share nodes, plus for each item a chain through all its nodes. Items are
 * addressed by rank (0 = most frequent); only items reaching the minimum count are kept.
 */
final class FpTree {

    private final int[] itemByRank;
    private final int[] rankByItem;
    private final Node[] chains;
    private final int[] supports;
    private final Node root = new Node(-1, null);

    /** A tree over the items whose {@code counts} reach {@code minCount}. */
    FpTree(int[] counts, int minCount) {
        List<Integer> frequent = new ArrayList<>();
        for (int item = 0; item < counts.length; item++) {
            if (counts[item] >= minCount) {
                frequent.add(item);
            }
        }
        frequent.sort((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        itemByRank = frequent.stream().mapToInt(Integer::intValue).toArray();
        rankByItem = new int[counts.length];
        Arrays.fill(rankByItem, -1);
        for (int rank = 0; rank < itemByRank.length; rank++) {
            rankByItem[itemByRank[rank]] = rank;
        }
        chains = new Node[itemByRank.length];
        supports = new int[itemByRank.length];
    }

    int itemCount() {
        return itemByRank.length;
    }

    int item(int rank) {
        return itemByRank[rank];
    }

    int support(int rank) {
        return supports[rank];
    }

    /** Adds a transaction (or a prefix path) {@code count} times; infrequent items are dropped. */
    void insert(int[] items, int length, int count) {
        int[] ranks = new int[length];
        int kept = 0;
        for (int i = 0; i < length; i++) {
            int item = items[i];
            if (item < rankByItem.length && rankByItem[item] >= 0) {
                ranks[kept++] = rankByItem[item];
            }
        }
        Arrays.sort(ranks, 0, kept);
        Node node = root;
        for (int i = 0; i < kept; i++) {
            int rank = ranks[i];
            if (i > 0 && rank == ranks[i - 1]) {
                continue;
            }
            Node child = node.child(rank);
            if (child == null) {
                child = node.addChild(rank);
                child.nextInChain = chains[rank];
                chains[rank] = child;
            }
            child.count += count;
            supports[rank] += count;
            node = child;
        }
    }

    /** The tree of the prefix paths leading to {@code rank}'s nodes, each weighted by that node's count. */
    FpTree conditional(int rank, int minCount) {
        int[] counts = new int[rankByItem.length];
        for (Node node = chains[rank]; node != null; node = node.nextInChain) {
            for (Node up = node.parent; up.rank >= 0; up = up.parent) {
                counts[itemByRank[up.rank]] += node.count;
            }
        }
        FpTree tree = new FpTree(counts, minCount);
        if (tree.itemCount() == 0) {
            return tree;
        }
        int[] path = new int[itemByRank.length];
        for (Node node = chains[rank]; node != null; node = node.nextInChain) {
            int length = 0;
            for (Node up = node.parent; up.rank >= 0; up = up.parent) {
                path[length++] = itemByRank[up.rank];
            }
            if (length > 0) {
                tree.insert(path, length, node.count);
            }
        }
        return tree;
    }

    private static final class Node {

        final int rank;
        final Node parent;
        int count;
        Node nextInChain;
        private Node[] children = new Node[0];

        Node(int rank, Node parent) {
            this.rank = rank;
            this.parent = parent;
        }

        Node child(int childRank) {
            for (Node child : children) {
                if (child.rank == childRank) {
                    return child;
                }
            }
            return null;
        }

        Node addChild(int childRank) {
            Node child = new Node(childRank, this);
            children = Arrays.copyOf(children, children.length + 1);
            children[children.length - 1] = child;
            return child;
        }
    }
}
