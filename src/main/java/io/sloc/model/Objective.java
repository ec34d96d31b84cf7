package io.sloc.model;

import java.math.BigDecimal;
import java.math.MathContext;

/** An objective as the exact decimal the spec wrote ({@code 99.95%}): strictly between 0 and 100 percent. */
public record Objective(BigDecimal percent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The target ratio, e.g. 0.9995. */
    public BigDecimal ratio() {
        return percent.divide(HUNDRED, MathContext.DECIMAL128).stripTrailingZeros();
    }

    /** The error budget ratio, e.g. 0.0005 (exact: never 0.0004999999999999449). */
    public BigDecimal errorBudget() {
        return BigDecimal.ONE.subtract(ratio()).stripTrailingZeros();
    }
}
