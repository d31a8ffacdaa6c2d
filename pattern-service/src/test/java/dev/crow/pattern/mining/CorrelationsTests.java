package dev.crow.pattern.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationsTests {

    @Test
    void pearsonAndSpearmanOfKnownSeries() {
        double[] x = {1, 2, 3, 4, 5};
        assertThat(Correlations.pearson(x, new double[] {2, 4, 6, 8, 10})).isCloseTo(1, within(1e-12));
        assertThat(Correlations.pearson(x, new double[] {5, 4, 3, 2, 1})).isCloseTo(-1, within(1e-12));
        // monotone but not linear: Spearman 1, Pearson below
        double[] y = {1, 4, 9, 16, 100};
        assertThat(Correlations.spearman(x, y)).isCloseTo(1, within(1e-12));
        assertThat(Correlations.pearson(x, y)).isLessThan(0.9);
        assertThat(Correlations.pearson(x, new double[] {3, 3, 3, 3, 3})).isNaN();
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertThat(Correlations.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
    }

    @Test
    void pValuesFollowFishersTransformation() {
        // r = 0.5 over 30 pairs: z = atanh(0.5) * sqrt(27) = 2.854, two-sided p = 0.0043
        assertThat(Correlations.pValue(0.5, 30, false)).isCloseTo(0.0043, within(2e-4));
        assertThat(Correlations.pValue(0.0, 30, false)).isCloseTo(1, within(1e-6));
        assertThat(Correlations.upperNormalTail(1.959964)).isCloseTo(0.025, within(1e-6));
        assertThat(Correlations.pValue(0.9, 3, true)).isEqualTo(1);
    }
}
