package io.sloc.compiler.validation;

import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Each burn-rate window pair makes sense for the SLO using it: the short window is shorter than the long one,
 * the long window fits in the SLO's period, the budget share is in (0%, 100%] and the factor is positive.
 */
public final class BurnWindowsFit implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        spec.forEachAlertingSlo((slo, policy) -> checkPolicy(slo, policy, SloDefaults.period(slo), diagnostics));
    }

    private static void checkPolicy(SloNode slo, PolicyNode policy, Duration period, Diagnostics diagnostics) {
        for (WindowNode window : policy.windows()) {
            // For the built-in policy, point at the SLO's window: that is what the author can change.
            SourceLocation where = window.location().isKnown() ? window.longWindow().location()
                    : slo.window() != null ? slo.window().location() : slo.location();
            Duration longWindow = Values.window(window.longWindow());
            Duration shortWindow = Values.window(window.shortWindow());
            if (shortWindow.compareTo(longWindow) >= 0) {
                diagnostics.error(window.shortWindow().location(), "short window " + window.shortWindow().value()
                        + " must be shorter than the long window " + window.longWindow().value()
                        + " (the workbook uses about 1/12 of it)");
            }
            if (longWindow.compareTo(period) > 0) {
                diagnostics.error(where, "long window " + window.longWindow().value() + " of "
                        + (policy.name() == null ? "the inline policy" : "policy '" + policy.name().value() + "'")
                        + " is longer than the " + SloDefaults.periodText(slo)
                        + " window of SLO '" + slo.name().value() + "'; use a policy whose windows fit the SLO window");
            }
            if (window.budget() != null) {
                BigDecimal budget = Values.percent(window.budget());
                if (budget.signum() <= 0 || budget.compareTo(BigDecimal.valueOf(100)) > 0) {
                    diagnostics.error(window.budget().location(), "budget " + window.budget().value()
                            + " must be above 0% and at most 100% of the error budget");
                }
            }
            if (window.factor() != null && Values.number(window.factor()).signum() <= 0) {
                diagnostics.error(window.factor().location(), "burn-rate factor must be above 0");
            }
        }
    }
}
