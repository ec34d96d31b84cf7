package io.sloc.compiler.validation;

import io.sloc.dsl.ast.AlertNode;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.Pair;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Label and annotation names are valid Prometheus label names, and labels never override the ones sloc sets
 * itself ({@code service}, {@code slo}, {@code severity}, window labels): those identify series and alerts,
 * and overriding them would make different SLOs' rules collide.
 */
public final class LabelNamesValid implements SemanticRule {
    static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    static final Set<String> RESERVED = Set.of("service", "slo", "severity", "long_window", "short_window");

    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        List<PolicyNode> policies = new ArrayList<>(spec.policies());
        for (ServiceNode service : spec.services()) {
            labels(service.labels(), diagnostics);
            for (SloNode slo : service.slos()) {
                labels(slo.labels(), diagnostics);
                if (slo.alertingPolicy() != null) {
                    policies.add(slo.alertingPolicy());
                }
            }
            for (AlertNode alert : service.alerts()) {
                labels(alert.labels(), diagnostics);
                annotations(alert.annotations(), diagnostics);
            }
        }
        for (PolicyNode policy : policies) {
            labels(policy.labels(), diagnostics);
            annotations(policy.annotations(), diagnostics);
            for (WindowNode window : policy.windows()) {
                labels(window.labels(), diagnostics);
                annotations(window.annotations(), diagnostics);
            }
        }
    }

    private static void labels(List<Pair> pairs, Diagnostics diagnostics) {
        for (Pair pair : pairs) {
            validName("label", pair.name(), diagnostics);
            if (RESERVED.contains(pair.name().value())) {
                diagnostics.error(pair.name().location(), "label '" + pair.name().value() + "' is set by sloc"
                        + (pair.name().value().equals("severity") ? "; use the `severity` field instead" : "")
                        + "; reserved labels are: " + String.join(", ", RESERVED.stream().sorted().toList()));
            }
        }
    }

    private static void annotations(List<Pair> pairs, Diagnostics diagnostics) {
        names("annotation", pairs, diagnostics);
    }

    /** Each pair's name is a valid label name; {@code kind} says what the pairs are, for the message. */
    static void names(String kind, List<Pair> pairs, Diagnostics diagnostics) {
        pairs.forEach(pair -> validName(kind, pair.name(), diagnostics));
    }

    static void validName(String kind, Located<String> located, Diagnostics diagnostics) {
        String name = located.value();
        if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
            diagnostics.error(located.location(), "invalid " + kind + " name '" + name + "': use letters, "
                    + "digits and underscores, not starting with a digit or '__'");
        }
    }
}
