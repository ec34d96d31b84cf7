package io.sloc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BurnFactorsTest {
    @ParameterizedTest(name = "{0}% of {1}d in {2}h at {3}% → factor {4}, threshold {5}")
    @CsvSource({
            "2, 30, 1, 99.9, 14.4, 0.0144",
            "5, 30, 6, 99.9, 6, 0.006",
            "10, 30, 24, 99.95, 3, 0.0015",
            "10, 30, 72, 99.95, 1, 0.0005",
            "2, 28, 1, 99.9, 13.44, 0.01344",
            "5, 28, 6, 99.9, 5.6, 0.0056",
            "10, 28, 72, 99.9, 0.9333333333333333, 0.0009333333333333333",
            "2, 7, 1, 99.99, 3.36, 0.000336",
            "2, 30, 1, 99.999, 14.4, 0.000144"})
    void factorsAndThresholdsAreExactDecimals(String sharePercent, long periodDays, long longHours,
                                              String objectivePercent, String factor, String threshold) {
        BigDecimal share = BurnFactors.share(new BigDecimal(sharePercent));
        BigDecimal f = BurnFactors.factor(share, Duration.ofDays(periodDays), Duration.ofHours(longHours));
        BigDecimal budget = new Objective(new BigDecimal(objectivePercent)).errorBudget();
        assertThat(BurnFactors.text(f)).isEqualTo(factor);
        assertThat(BurnFactors.text(BurnFactors.threshold(f, budget))).isEqualTo(threshold);
    }

    @Test
    void shareAndFactorAreInverse() {
        BigDecimal share = BurnFactors.shareOf(new BigDecimal("14.4"), Duration.ofDays(30), Duration.ofHours(1));
        assertThat(share).isEqualByComparingTo("0.02");
    }

    @Test
    void textNeverUsesExponentNotation() {
        assertThat(BurnFactors.text(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(BurnFactors.text(new BigDecimal("1E-8"))).isEqualTo("0.00000001");
        assertThat(BurnFactors.text(new BigDecimal("3.000"))).isEqualTo("3");
    }
}
