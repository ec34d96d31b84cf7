package io.sloc.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * Exact burn-rate arithmetic on decimals: factors and thresholds never carry binary float noise. A division
 * that does not terminate (e.g. 10% of 28d in 3d) is rounded once, to 16 significant digits.
 */
public final class BurnFactors {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BurnFactors() {
    }

    /** 2 (percent) → 0.02. */
    public static BigDecimal share(BigDecimal percent) {
        return percent.divide(HUNDRED, MathContext.DECIMAL128).stripTrailingZeros();
    }

    /** factor = share × period ÷ long window (2% of 30d in 1h → 14.4). */
    public static BigDecimal factor(BigDecimal share, Duration period, Duration longWindow) {
        return share.multiply(BigDecimal.valueOf(period.toMillis()))
                .divide(BigDecimal.valueOf(longWindow.toMillis()), MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** share = factor × long window ÷ period (14.4 over 1h of 30d → 0.02). */
    public static BigDecimal shareOf(BigDecimal factor, Duration period, Duration longWindow) {
        return factor.multiply(BigDecimal.valueOf(longWindow.toMillis()))
                .divide(BigDecimal.valueOf(period.toMillis()), MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** The error-ratio threshold of a window: factor × error budget (14.4 × 0.0005 → 0.0072). */
    public static BigDecimal threshold(BigDecimal factor, BigDecimal errorBudget) {
        return factor.multiply(errorBudget).round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** Plain decimal text, never exponent notation: 0.0005, 14.4, 3. */
    public static String text(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
