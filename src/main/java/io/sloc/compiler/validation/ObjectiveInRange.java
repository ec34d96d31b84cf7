package io.sloc.compiler.validation;

import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SloNode;
import java.math.BigDecimal;

/**
 * An objective is strictly between 0% and 100%: 100% leaves no error budget (every burn rate divides by zero),
 * 0% or less means nothing. It has at most {@value #MAX_DECIMALS} decimals, so the error budget is at least 1e-8 and
 * a whole multiple of it: the rules compare ratios with multiples of the budget in float64, and a budget lost in
 * float64 rounding ({@code 99.} followed by many nines) would make an alert fire at any error at all.
 */
public final class ObjectiveInRange implements SemanticRule {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_DECIMALS = 6;

    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                BigDecimal percent = Values.percent(slo.objective());
                if (percent.compareTo(HUNDRED) >= 0) {
                    diagnostics.error(slo.objective().location(), "objective " + slo.objective().value()
                            + " leaves no error budget; use a value below 100% (e.g. 99.99%)");
                }
                if (percent.stripTrailingZeros().scale() > MAX_DECIMALS) {
                    diagnostics.error(slo.objective().location(), "objective " + slo.objective().value()
                            + " has more than " + MAX_DECIMALS + " decimals; the error budget must be at least "
                            + "0.000001% (1e-8) and a multiple of it to stay exact in the rules' float64 arithmetic");
                }
                if (percent.signum() <= 0) {
                    diagnostics.error(slo.objective().location(), "objective " + slo.objective().value()
                            + " must be above 0%");
                }
            }
        }
    }
}
