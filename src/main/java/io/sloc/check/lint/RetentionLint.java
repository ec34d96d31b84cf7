package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.model.PrometheusSetup;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import io.sloc.model.WindowText;
import java.util.function.Consumer;

/**
 * Prometheus keeps samples for its retention only: an SLO whose window is longer silently measures the retention
 * instead (a 30d SLI over 15 days of samples), and its budget figures with it. An error, at the retention line (or
 * the prometheus block, when it relies on Prometheus's 15d default).
 */
public final class RetentionLint implements Lint {
    @Override
    public String id() {
        return "retention";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        for (Spec spec : context.specs()) {
            spec.prometheus().ifPresent(prometheus -> check(spec, prometheus, report));
        }
    }

    private void check(Spec spec, PrometheusSetup prometheus, Consumer<Diagnostic> report) {
        Service longestService = null;
        Slo longest = null;
        for (Service service : spec.services()) {
            for (Slo slo : service.slos()) {
                if (longest == null || slo.window().compareTo(longest.window()) > 0) {
                    longestService = service;
                    longest = slo;
                }
            }
        }
        if (longest != null && prometheus.effectiveRetention().compareTo(longest.window()) < 0) {
            String retention = WindowText.of(prometheus.effectiveRetention());
            report.accept(Diagnostic.error(id(), prometheus.retentionLocation(), "retention "
                    + (prometheus.retention().isPresent() ? retention : retention + " (Prometheus's default)")
                    + " is shorter than the " + WindowText.of(longest.window()) + " window of SLO "
                    + longestService.name() + "/" + longest.name() + ": its SLI and error budget would silently "
                    + "cover " + retention + "; set retention " + WindowText.of(longest.window()) + " or longer"));
        }
    }
}
