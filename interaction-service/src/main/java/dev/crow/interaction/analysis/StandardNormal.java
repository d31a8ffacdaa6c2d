package dev.crow.interaction.analysis;

/** The standard normal distribution's tail and its inverse, enough for significance thresholds. */
final class StandardNormal {

    private StandardNormal() {
    }

    /** P(Z > z). */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** The z with P(Z > z) = p, for 0 < p < 0.5, by bisection (the tail is monotone). */
    static double upperQuantile(double p) {
        double low = 0;
        double high = 40;
        for (int i = 0; i < 100; i++) {
            double middle = (low + high) / 2;
            if (upperTail(middle) > p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /**
     * The complementary error function by the Chebyshev-fitted exponential form (fractional error
     * below 1.2e-7 everywhere), accurate in the far tail where 1 - erf(x) would cancel.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double polynomial = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double value = t * Math.exp(polynomial);
        return x >= 0 ? value : 2 - value;
    }
}
