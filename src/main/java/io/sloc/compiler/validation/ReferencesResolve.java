package io.sloc.compiler.validation;

import io.sloc.dsl.ast.AlertNode;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SloNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code alerting NAME} names a declared policy (or {@code workbook}/{@code none}); a plain alert's {@code slo}
 * names an SLO of its service; runbook names exist.
 */
public final class ReferencesResolve implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                Located<String> policy = slo.alertingPolicyName();
                if (policy != null && !policy.value().equals(SpecContext.DEFAULT_POLICY)
                        && !policy.value().equals(SpecContext.NO_POLICY) && spec.policy(policy.value()).isEmpty()) {
                    diagnostics.error(policy.location(), "unknown policy '" + policy.value() + "'; declare it with "
                            + "`policy " + policy.value() + " { ... }` or use one of: "
                            + known(spec.policies().stream().map(p -> p.name().value()).toList()));
                }
                checkRunbook(spec, slo.runbook(), diagnostics);
            }
            for (AlertNode alert : service.alerts()) {
                Located<String> slo = alert.slo();
                if (service.slos().stream().noneMatch(s -> s.name().value().equals(slo.value()))) {
                    diagnostics.error(slo.location(), "unknown SLO '" + slo.value() + "' in service '"
                            + service.name().value() + "'; use one of: " + service.slos().stream()
                            .map(s -> s.name().value()).sorted().collect(Collectors.joining(", ")));
                }
                checkRunbook(spec, alert.runbook(), diagnostics);
            }
        }
    }

    private static void checkRunbook(SpecContext spec, Located<String> runbook, Diagnostics diagnostics) {
        if (runbook != null && spec.runbook(runbook.value()).isEmpty()) {
            diagnostics.error(runbook.location(), "unknown runbook '" + runbook.value() + "'; declare it with "
                    + "`runbook " + runbook.value() + " { step \"...\" }`");
        }
    }

    private static String known(List<String> declared) {
        List<String> all = new ArrayList<>(declared);
        all.add(SpecContext.DEFAULT_POLICY);
        all.add(SpecContext.NO_POLICY);
        return all.stream().sorted().collect(Collectors.joining(", "));
    }
}
