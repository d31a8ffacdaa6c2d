package dev.crow.interaction.analysis;

import java.util.Arrays;

/**
 * Median, median absolute deviation and Iglewicz–Hoaglin modified z-scores. The median and MAD
 * ignore the very outliers we look for, which a mean and standard deviation would absorb.
 */
final class RobustStatistics {

    /** 0.6745 is the 75th percentile of the standard normal: it scales the MAD to a standard deviation. */
    static final double MAD_SCALE = 0.6745;
    /** When more than half the values are equal the MAD is 0; the mean absolute deviation times this stands in. */
    static final double MEAN_AD_SCALE = 1.253314;

    private RobustStatistics() {
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double mad(double[] values, double median) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median(deviations);
    }

    /**
     * Modified z-scores of every value, {@code 0.6745 (x - median) / MAD}; with a MAD of 0 the
     * mean absolute deviation is used instead, and a constant series scores 0 everywhere.
     */
    static Scores scores(double[] values) {
        double median = median(values);
        double mad = mad(values, median);
        double[] z = new double[values.length];
        if (mad > 0) {
            for (int i = 0; i < values.length; i++) {
                z[i] = MAD_SCALE * (values[i] - median) / mad;
            }
        } else {
            double meanAd = 0;
            for (double value : values) {
                meanAd += Math.abs(value - median);
            }
            meanAd /= values.length;
            for (int i = 0; i < values.length; i++) {
                z[i] = meanAd == 0 ? 0 : (values[i] - median) / (MEAN_AD_SCALE * meanAd);
            }
        }
        return new Scores(median, mad, z);
    }

    record Scores(double median, double mad, double[] z) {
    }
}
