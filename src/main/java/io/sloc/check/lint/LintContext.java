package io.sloc.check.lint;

import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleFile;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What the lints look at: the rule files that loaded cleanly (each rule knows where it is written), the compiled
 * SLO specs (none when the checked directories are plain Prometheus rules), the metrics the user declares to exist
 * without a recording rule in the checked files, and the annotation that links an alert's runbook.
 */
public record LintContext(List<RuleFile> ruleFiles, List<Spec> specs, KnownMetrics knownMetrics,
                          String runbookAnnotation) {
    /** The annotation sloc writes and looks for unless told otherwise. */
    public static final String RUNBOOK_URL = "runbook_url";

    public LintContext {
        ruleFiles = List.copyOf(ruleFiles);
        specs = List.copyOf(specs);
    }

    /** Whether specs were checked: then they are the only producer of the series in sloc's namespace. */
    public boolean slocProject() {
        return !specs.isEmpty();
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
