package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.promql.Durations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Objectives the compiler accepts (strictly between 0% and 100%) but that are probably not meant: one below 90%
 * (a dropped digit: {@code 9.95%} for {@code 99.95%}), or one so close to 100% that the error budget over the
 * window is shorter than a minute, less than one scrape interval of bad data exhausts it.
 */
public final class ObjectiveRangeLint implements Lint {
    private static final BigDecimal LOWEST_USUAL = BigDecimal.valueOf(90);
    private static final Duration SHORTEST_BUDGET = Duration.ofMinutes(1);

    @Override
    public String id() {
        return "objective-range";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        context.forEachSlo((service, slo) -> check(service, slo, report));
    }

    private void check(Service service, Slo slo, Consumer<Diagnostic> report) {
        BigDecimal percent = slo.objective().percent();
        String name = service.name() + "/" + slo.name();
        if (percent.compareTo(LOWEST_USUAL) < 0) {
            report.accept(Diagnostic.warning(id(), slo.location(), "SLO " + name + " has an objective of "
                    + percent.toPlainString() + "%, below the usual 90% to 99.99%: is a digit missing?"));
        }
        BigDecimal budgetMillis = slo.objective().errorBudget()
                .multiply(BigDecimal.valueOf(slo.window().toMillis()), MathContext.DECIMAL64);
        if (budgetMillis.compareTo(BigDecimal.valueOf(SHORTEST_BUDGET.toMillis())) < 0) {
            report.accept(Diagnostic.warning(id(), slo.location(), "SLO " + name + " allows only "
                    + budgetMillis.movePointLeft(3).stripTrailingZeros().toPlainString() + "s of errors in its "
                    + Durations.format(slo.window().toMillis()) + " window (" + percent.toPlainString()
                    + "%): less than a minute, so one bad scrape exhausts the budget; lower the objective or "
                    + "lengthen the window"));
        }
    }
}
