package io.sloc.compiler.validation;

import io.sloc.dsl.ast.AlertNode;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Durations are well-formed; rule windows (SLO windows, burn-rate long and short windows) are whole positive
 * seconds, since they end up in range selectors and rule names (a window rounding to 0s breaks the rules);
 * a latency threshold is positive.
 */
public final class DurationsValid implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        List<PolicyNode> policies = new ArrayList<>(spec.policies());
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                window(slo.window());
                if (slo.sli() instanceof SliNode.Latency latency && Values.duration(latency.threshold()).isZero()) {
                    diagnostics.error(latency.threshold().location(), "latency threshold must be above zero");
                }
                if (slo.alertingPolicy() != null) {
                    policies.add(slo.alertingPolicy());
                }
            }
            for (AlertNode alert : service.alerts()) {
                duration(alert.forDuration());
                duration(alert.keepFiringFor());
            }
        }
        for (PolicyNode policy : policies) {
            duration(policy.forDuration());
            duration(policy.keepFiringFor());
            for (WindowNode window : policy.windows()) {
                window(window.longWindow());
                window(window.shortWindow());
                duration(window.forDuration());
                duration(window.keepFiringFor());
            }
        }
    }

    private static void window(Located<String> text) {
        if (text != null) {
            Values.window(text);
        }
    }

    private static void duration(Located<String> text) {
        if (text != null) {
            Values.duration(text);
        }
    }
}
