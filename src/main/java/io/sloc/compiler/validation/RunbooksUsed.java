package io.sloc.compiler.validation;

import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.RunbookNode;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** A runbook no alert links to is probably a typo on one side: warn (it is still emitted). */
public final class RunbooksUsed implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        Set<String> used = new HashSet<>();
        spec.services().forEach(service -> Stream.concat(
                        service.slos().stream().map(slo -> slo.runbook()),
                        service.alerts().stream().map(alert -> alert.runbook()))
                .filter(Objects::nonNull).map(Located::value).forEach(used::add));
        for (RunbookNode runbook : spec.runbooks()) {
            if (!used.contains(runbook.name().value())) {
                diagnostics.warn(runbook.name().location(), "runbook '" + runbook.name().value()
                        + "' is not linked from any SLO or alert (add `runbook " + runbook.name().value()
                        + "` to one)");
            }
        }
    }
}
