package dev.crow.pattern.fpgrowth;

import java.util.Arrays;

/**
 * {@code antecedent → consequent}: of the transactions holding the antecedent, the share
 * ({@code confidence}) that also hold the consequent, and how much likelier that is than the
 * consequent alone ({@code lift}; 1 = independent). {@code support} is the share of all
 * transactions holding both.
 */
public record AssociationRule(int[] antecedent, int[] consequent, int count, double support, double confidence,
        double lift) {

    @Override
    public int[] antecedent() {
        return antecedent.clone();
    }

    @Override
    public int[] consequent() {
        return consequent.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssociationRule that && Arrays.equals(antecedent, that.antecedent)
                && Arrays.equals(consequent, that.consequent) && count == that.count;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(antecedent) + Arrays.hashCode(consequent);
    }

    @Override
    public String toString() {
        return Arrays.toString(antecedent) + "->" + Arrays.toString(consequent) + " conf=" + confidence + " lift=" + lift;
    }
}
