package io.sloc.compiler.validation;

import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SloNode;
import java.math.BigDecimal;

/**
 * An objective is strictly between 0% and 100%: 100% leaves no error budget (every burn rate divides by zero),
 * 0% or less means nothing.
 */
public final class ObjectiveInRange implements SemanticRule {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                BigDecimal percent = Values.percent(slo.objective());
                if (percent.compareTo(HUNDRED) >= 0) {
                    diagnostics.error(slo.objective().location(), "objective " + slo.objective().value()
                            + " leaves no error budget; use a value below 100% (e.g. 99.99%)");
                }
                if (percent.signum() <= 0) {
                    diagnostics.error(slo.objective().location(), "objective " + slo.objective().value()
                            + " must be above 0%");
                }
            }
        }
    }
}
