package io.sloc.compiler.validation;

import io.sloc.dsl.ast.AlertNode;
import io.sloc.dsl.ast.DashboardNode;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.RunbookNode;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;

/** Every block has the fields it cannot do without, e.g. an SLO's objective and SLI. */
public final class RequiredFields implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (PolicyNode policy : spec.policies()) {
            checkPolicy(policy, diagnostics);
        }
        for (RunbookNode runbook : spec.runbooks()) {
            if (runbook.steps().isEmpty()) {
                diagnostics.error(runbook.location(), "runbook '" + runbook.name().value()
                        + "' has no steps; add at least one: step \"...\"");
            }
        }
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                checkSlo(slo, diagnostics);
            }
            for (AlertNode alert : service.alerts()) {
                if (alert.expr() == null) {
                    diagnostics.error(alert.location(), "alert '" + alert.name().value()
                            + "' has no expr; add: expr `<PromQL>`");
                }
                if (alert.severity() == null) {
                    diagnostics.error(alert.location(), "alert '" + alert.name().value()
                            + "' has no severity; add e.g.: severity warning");
                }
                if (alert.slo() == null) {
                    diagnostics.error(alert.location(), "alert '" + alert.name().value()
                            + "' has no slo; name the SLO of this service it protects, e.g.: slo availability");
                }
            }
            if (service.dashboard() != null) {
                for (DashboardNode.Row row : service.dashboard().rows()) {
                    for (DashboardNode.Panel panel : row.panels()) {
                        if (panel.queries().isEmpty()) {
                            diagnostics.error(panel.location(), "panel '" + panel.title()
                                    + "' has no query; add: query `<PromQL>` legend \"...\"");
                        }
                    }
                }
            }
        }
    }

    private static void checkSlo(SloNode slo, Diagnostics diagnostics) {
        String what = "SLO '" + slo.name().value() + "'";
        if (slo.objective() == null) {
            diagnostics.error(slo.location(), what + " has no objective; add e.g.: objective 99.9%");
        }
        if (slo.sli() == null) {
            diagnostics.error(slo.location(), what + " has no SLI; add: sli ratio { errors `...` total `...` }");
        }
        if (slo.sli() instanceof SliNode.Ratio ratio) {
            if (ratio.total() == null) {
                diagnostics.error(ratio.location(), "ratio SLI of " + what + " has no total; add: total `<counter>`");
            }
            if ((ratio.errors() == null) == (ratio.good() == null)) {
                diagnostics.error(ratio.location(), "ratio SLI of " + what
                        + " needs exactly one of errors `...` or good `...`");
            }
        } else if (slo.sli() instanceof SliNode.Latency latency) {
            if (latency.histogram() == null && latency.nativeHistogram() == null) {
                diagnostics.error(latency.location(), "latency SLI of " + what + " has no histogram; add: "
                        + "histogram `<classic histogram base name>` or native_histogram `<native histogram>`");
            }
            if (latency.histogram() != null && latency.nativeHistogram() != null) {
                diagnostics.error(latency.nativeHistogram().start(), "latency SLI of " + what
                        + " reads either a classic histogram or a native one: keep one of histogram and "
                        + "native_histogram");
            }
            if (latency.schema() != null && latency.nativeHistogram() == null) {
                diagnostics.error(latency.schema().location(), "`schema` describes a native histogram's buckets; "
                        + "a classic histogram's buckets are its le labels: remove it or use native_histogram");
            }
            if (latency.threshold() == null) {
                diagnostics.error(latency.location(), "latency SLI of " + what
                        + " has no threshold; add e.g.: faster_than 250ms");
            }
        }
        if (slo.alertingPolicy() != null) {
            checkPolicy(slo.alertingPolicy(), diagnostics);
        }
    }

    private static void checkPolicy(PolicyNode policy, Diagnostics diagnostics) {
        if (policy.windows().isEmpty()) {
            diagnostics.error(policy.location(), "burn-rate policy has no window; add e.g.: "
                    + "window { budget 2% long 1h short 5m severity page } (or use `alerting none`)");
        }
        for (WindowNode window : policy.windows()) {
            if (window.longWindow() == null || window.shortWindow() == null) {
                diagnostics.error(window.location(), "burn-rate window needs both `long` and `short` windows "
                        + "(e.g. long 1h short 5m)");
            }
            if (window.budget() == null && window.factor() == null) {
                diagnostics.error(window.location(), "burn-rate window needs `budget` (share of the error budget, "
                        + "e.g. budget 2%) or `factor` (burn rate, e.g. factor 14.4)");
            }
            if (window.severity() == null) {
                diagnostics.error(window.location(), "burn-rate window has no severity; add e.g.: severity page");
            }
        }
    }
}
