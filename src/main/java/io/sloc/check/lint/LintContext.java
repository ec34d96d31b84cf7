package io.sloc.check.lint;

import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What the lints look at: the rule files that loaded cleanly (with where each rule is written), the compiled
 * SLO specs, and the metrics known to exist without a recording rule (the specs' input metrics plus any the
 * user listed).
 */
public record LintContext(List<LocatedRuleFile> ruleFiles, List<Spec> specs, Set<String> knownInputMetrics) {
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
    public List<LocatedRule> rules() {
        return ruleFiles.stream().flatMap(file -> file.rules().stream()).toList();
    }
}
