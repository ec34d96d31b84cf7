package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.promql.Durations;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * A burn factor below 1 alerts while the error budget would still last beyond the period: it pages for an
 * SLO that is being met. (A factor that disagrees with its stated budget share is already a compile warning,
 * which {@code sloc check} reports with the spec's position.)
 */
public final class BurnFactorLint implements Lint {
    @Override
    public String id() {
        return "burn-factor";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        context.forEachSlo((service, slo) -> slo.alerting()
                .ifPresent(policy -> policy.windows().forEach(w -> check(service, slo, w, report))));
    }

    private void check(Service service, Slo slo, BurnRateWindow w, Consumer<Diagnostic> report) {
        if (w.factor().compareTo(BigDecimal.ONE) < 0) {
            report.accept(Diagnostic.warning(id(), slo.location(), "SLO " + service.name() + "/" + slo.name() + ", "
                    + w.severity() + " alert (" + Durations.format(w.longWindow().toMillis()) + " with "
                    + Durations.format(w.shortWindow().toMillis()) + "): a burn factor of "
                    + w.factor().stripTrailingZeros().toPlainString() + " (" + percent(w.budgetShare())
                    + " of the budget in " + Durations.format(w.longWindow().toMillis()) + ") alerts while the budget would outlast "
                    + "the " + Durations.format(slo.window().toMillis()) + " period: the SLO is being met"));
        }
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
