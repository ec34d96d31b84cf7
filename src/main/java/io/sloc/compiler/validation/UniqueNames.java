package io.sloc.compiler.validation;

import io.sloc.dsl.ast.Located;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Services, policies and runbooks are named once across all spec files (they become file names and
 * references; {@code workbook} and {@code none} are built-in policies); an SLO name is used once within its service.
 */
public final class UniqueNames implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        unique("service", spec.services().stream().map(s -> s.name()).toList(), diagnostics);
        unique("policy", spec.policies().stream().map(p -> p.name()).toList(), diagnostics);
        spec.policies().stream().map(p -> p.name())
                .filter(n -> n.value().equals(SpecContext.DEFAULT_POLICY) || n.value().equals(SpecContext.NO_POLICY))
                .findFirst().ifPresent(n -> diagnostics.error(n.location(), "policy name '" + n.value()
                        + "' is built in; choose another name"));
        unique("runbook", spec.runbooks().stream().map(r -> r.name()).toList(), diagnostics);
        spec.services().forEach(service ->
                unique("SLO", service.slos().stream().map(s -> s.name()).toList(), diagnostics));
    }

    private static void unique(String kind, List<Located<String>> names, Diagnostics diagnostics) {
        Map<String, Located<String>> seen = new HashMap<>();
        for (Located<String> name : names) {
            Located<String> first = seen.putIfAbsent(name.value(), name);
            if (first != null) {
                diagnostics.error(name.location(), "duplicate " + kind + " name '" + name.value()
                        + "' (first declared at " + first.location() + "); rename one");
            }
        }
    }
}
