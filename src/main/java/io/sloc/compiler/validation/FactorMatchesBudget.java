package io.sloc.compiler.validation;

import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;
import io.sloc.model.BurnFactors;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A window that states both a budget share and a factor gets a warning when they disagree for the SLO's
 * period (factor = share × period ÷ long window). The budget share wins: it is what the author reasons about.
 * Example: "10% of a 30d budget in 24h (2.88x)" is really 3x.
 */
public final class FactorMatchesBudget implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        spec.forEachAlertingSlo((slo, policy) -> checkPolicy(slo, policy, SloDefaults.period(slo), diagnostics));
    }

    private static void checkPolicy(SloNode slo, PolicyNode policy, Duration period, Diagnostics diagnostics) {
        for (WindowNode window : policy.windows()) {
            if (window.budget() == null || window.factor() == null) {
                continue;
            }
            BigDecimal share = BurnFactors.share(Values.percent(window.budget()));
            BigDecimal exact = BurnFactors.factor(share, period, Values.window(window.longWindow()));
            BigDecimal stated = Values.number(window.factor());
            if (stated.compareTo(exact) != 0) {
                diagnostics.warn(window.factor().location(), "factor " + window.factor().value() + " disagrees with "
                        + "budget " + window.budget().value() + " in " + window.longWindow().value() + " of SLO '"
                        + slo.name().value() + "' (" + SloDefaults.periodText(slo) + " window): that is a "
                        + "burn rate of " + BurnFactors.text(exact) + "; using " + BurnFactors.text(exact)
                        + " (drop `factor` or fix it)");
            }
        }
    }
}
