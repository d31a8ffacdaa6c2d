package dev.crow.pattern.fpgrowth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FpGrowthTests {

    private static final String ITEMS = "abcdefghijklmnopqrstuvwxyz";

    private static TransactionStore store(String... transactions) {
        TransactionStore store = new TransactionStore();
        for (String transaction : transactions) {
            int[] items = transaction.chars().map(c -> ITEMS.indexOf(c)).toArray();
            store.add(items, items.length);
        }
        return store;
    }

    private static Map<String, Integer> named(List<FrequentItemset> itemsets) {
        Map<String, Integer> named = new HashMap<>();
        for (FrequentItemset itemset : itemsets) {
            StringBuilder name = new StringBuilder();
            for (int item : itemset.items()) {
                name.append(ITEMS.charAt(item));
            }
            named.put(name.toString(), itemset.count());
        }
        return named;
    }

    /** The example of Han, Pei and Yin's FP-Growth paper, minimum support 3. */
    @Test
    void minesThePapersExample() {
        TransactionStore store = store("facdgimp", "abcflmo", "bfhjo", "bcksp", "afcelpmn");
        Map<String, Integer> found = named(new FpGrowth(3, 10).mine(store));
        assertThat(found).containsOnly(
                Map.entry("f", 4), Map.entry("c", 4), Map.entry("a", 3), Map.entry("b", 3), Map.entry("m", 3),
                Map.entry("p", 3), Map.entry("cf", 3), Map.entry("af", 3), Map.entry("ac", 3), Map.entry("fm", 3),
                Map.entry("cm", 3), Map.entry("am", 3), Map.entry("cp", 3), Map.entry("acf", 3), Map.entry("cfm", 3),
                Map.entry("afm", 3), Map.entry("acm", 3), Map.entry("acfm", 3));
    }

    @Test
    void respectsTheMaximumItemsetSize() {
        TransactionStore store = store("facdgimp", "abcflmo", "bfhjo", "bcksp", "afcelpmn");
        assertThat(new FpGrowth(3, 2).mine(store)).allMatch(itemset -> itemset.size() <= 2).hasSize(13);
    }

    @Test
    void repeatedItemsInATransactionCountOnce() {
        assertThat(named(new FpGrowth(2, 3).mine(store("aab", "ab", "c")))).containsOnly(
                Map.entry("a", 2), Map.entry("b", 2), Map.entry("ab", 2));
    }

    /** Against brute-force counting of every subset, on random data of varying density. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void agreesWithBruteForce(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> transactions = new ArrayList<>();
        TransactionStore store = new TransactionStore();
        for (int t = 0; t < 300; t++) {
            Set<Integer> items = new HashSet<>();
            int size = 1 + random.nextInt(6);
            while (items.size() < size) {
                // skewed: low items are common, high ones rare
                items.add((int) Math.floor(12 * Math.pow(random.nextDouble(), 2)));
            }
            int[] array = items.stream().mapToInt(Integer::intValue).toArray();
            transactions.add(array);
            store.add(array, array.length);
        }
        int minCount = 10 + seed * 3;
        Map<String, Integer> expected = new HashMap<>();
        for (int mask = 1; mask < (1 << 12); mask++) {
            if (Integer.bitCount(mask) > 4) {
                continue;
            }
            int count = 0;
            for (int[] transaction : transactions) {
                int held = 0;
                for (int item : transaction) {
                    held |= 1 << item;
                }
                count += (held & mask) == mask ? 1 : 0;
            }
            if (count >= minCount) {
                expected.put(key(mask), count);
            }
        }
        Map<String, Integer> found = new FpGrowth(minCount, 4).mine(store).stream()
                .collect(Collectors.toMap(itemset -> key(Arrays.stream(itemset.items()).map(i -> 1 << i).sum()),
                        FrequentItemset::count));
        assertThat(found).isEqualTo(expected);
    }

    private static String key(int mask) {
        return Integer.toBinaryString(mask);
    }

    @Test
    void rulesCarryConfidenceAndLift() {
        // 10 transactions: a in 5, b in 4, a and b together in 4
        TransactionStore store = store("ab", "ab", "ab", "ab", "a", "c", "c", "c", "c", "c");
        List<FrequentItemset> itemsets = new FpGrowth(2, 3).mine(store);
        AssociationRules.Counts counts = new AssociationRules.Counts(itemsets);
        FrequentItemset pair = itemsets.stream().filter(i -> i.size() == 2).findFirst().orElseThrow();
        List<AssociationRule> rules = new AssociationRules(0.5, 1.5).rules(pair, counts, 10);
        assertThat(rules).hasSize(2);
        AssociationRule aToB = rules.stream().filter(r -> r.antecedent()[0] == 0).findFirst().orElseThrow();
        assertThat(aToB.confidence()).isEqualTo(0.8);
        assertThat(aToB.lift()).isEqualTo(0.8 / 0.4);
        assertThat(aToB.support()).isEqualTo(0.4);
        AssociationRule bToA = rules.stream().filter(r -> r.antecedent()[0] == 1).findFirst().orElseThrow();
        assertThat(bToA.confidence()).isEqualTo(1.0);
        assertThat(new AssociationRules(0.9, 1.5).rules(pair, counts, 10)).containsExactly(bToA);
    }
}
