package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.promql.Durations;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Burn-rate windows that compile but cannot work as meant: a rate window under a minute (it usually holds fewer
 * than the two samples {@code rate()} needs, so the alert never fires), and a {@code for:} longer than the long
 * window (the alert fires only after the burn it reports has left the window). Windows in the wrong order or
 * longer than the SLO's period are compile errors already.
 */
public final class WindowSanityLint implements Lint {
    private static final Duration SHORTEST_RATE_WINDOW = Duration.ofMinutes(1);

    @Override
    public String id() {
        return "window-sanity";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        context.forEachSlo((service, slo) -> slo.alerting()
                .ifPresent(policy -> policy.windows().forEach(w -> check(service, slo, w, report))));
    }

    private void check(Service service, Slo slo, BurnRateWindow w, Consumer<Diagnostic> report) {
        String pair = "SLO " + service.name() + "/" + slo.name() + ", " + w.severity() + " alert ("
                + Durations.format(w.longWindow().toMillis()) + " with " + Durations.format(w.shortWindow().toMillis()) + "): ";
        if (w.shortWindow().compareTo(SHORTEST_RATE_WINDOW) < 0) {
            report.accept(Diagnostic.warning(id(), slo.location(), pair + "a rate window under 1m usually holds "
                    + "fewer than the two samples rate() needs, so the alert can never fire"));
        }
        if (w.forDuration().compareTo(w.longWindow()) > 0) {
            report.accept(Diagnostic.warning(id(), slo.location(), pair + "for: " + Durations.format(w.forDuration().toMillis())
                    + " is longer than the long window: the alert fires only after the burn has left it"));
        }
    }
}
