package dev.crow.pattern.mining;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Pearson and Spearman correlation and their two-sided p-values by Fisher's z-transformation
 * (Spearman with the Fieller–Hartley–Pearson variance factor 1.06).
 */
final class Correlations {

    private Correlations() {
    }

    static double pearson(double[] x, double[] y) {
        double meanX = Arrays.stream(x).average().orElse(0);
        double meanY = Arrays.stream(y).average().orElse(0);
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        if (varianceX == 0 || varianceY == 0) {
            return Double.NaN;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /** Ranks from 1, ties sharing their average rank. */
    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Two-sided p-value of a correlation {@code r} over {@code n} pairs. */
    static double pValue(double r, int n, boolean spearman) {
        if (n <= 3 || Double.isNaN(r)) {
            return 1;
        }
        double clamped = Math.max(-0.999999, Math.min(0.999999, r));
        double fisher = 0.5 * Math.log((1 + clamped) / (1 - clamped));
        double z = Math.abs(fisher) * Math.sqrt((n - 3) / (spearman ? 1.06 : 1.0));
        return 2 * upperNormalTail(z);
    }

    /** P(Z > z) for the standard normal, via a Chebyshev-fitted erfc (relative error below 1.2e-7). */
    static double upperNormalTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }
}
