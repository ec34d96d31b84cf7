package io.sloc.check.lint;

import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleFile;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What the lints look at: the rule files that loaded cleanly (each rule knows where it is written), the compiled
 * SLO specs, and the metrics known to exist without a recording rule (the specs' input metrics plus any the
 * user listed).
 */
public record LintContext(List<RuleFile> ruleFiles, List<Spec> specs, Set<String> knownInputMetrics) {
    public LintContext {
        ruleFiles = List.copyOf(ruleFiles);
        specs = List.copyOf(specs);
        knownInputMetrics = Set.copyOf(knownInputMetrics);
    }

    /** Every SLO of every spec, with the service it belongs to. */
    public void forEachSlo(BiConsumer<Service, Slo> action) {
        for (Spec spec : specs) {
            for (Service service : spec.services()) {
                for (Slo slo : service.slos()) {
                    action.accept(service, slo);
                }
            }
        }
    }

    /** Every rule of every loaded rule file, in file order. */
    public List<Rule> rules() {
        return ruleFiles.stream().flatMap(file -> file.groups().stream()).flatMap(group -> group.rules().stream())
                .toList();
    }
}
