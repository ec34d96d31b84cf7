package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.Selectors;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.rules.RecordingRule;
import io.sloc.rules.Rule;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A selector whose metric nobody produces can never return data, so its rule records nothing and its alert
 * never fires, silently. A metric is produced when a recording rule in the checked files records it, when a spec
 * reads it as an input (its SLIs and alerts), or when it is Prometheus's own {@code ALERTS}/{@code ALERTS_FOR_STATE}.
 * Without specs or listed input metrics, raw metric names cannot be judged, so only names with a colon (by
 * convention, recording rules: {@code level:metric:operations}) are checked.
 */
public final class UnrecordedMetricLint implements Lint {
    private static final Set<String> BUILT_IN = Set.of("ALERTS", "ALERTS_FOR_STATE");

    @Override
    public String id() {
        return "unrecorded-metric";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        Set<String> recorded = new HashSet<>(BUILT_IN);
        context.rules().stream().filter(r -> r instanceof RecordingRule).forEach(r -> recorded.add(r.name()));
        recorded.addAll(context.knownInputMetrics());
        boolean rawNamesKnown = !context.knownInputMetrics().isEmpty();
        for (Rule rule : context.rules()) {
            for (VectorSelector selector : Selectors.in(rule.expr())) {
                Optional<String> name = metricName(selector);
                if (name.isPresent() && !recorded.contains(name.get())
                        && (rawNamesKnown || name.get().contains(":"))) {
                    report.accept(Diagnostic.error(id(), rule.exprPositions().at(selector.pos().start()),
                            "rule " + rule.name() + " selects " + name.get()
                                    + ", which no recording rule in the checked files records"
                                    + (rawNamesKnown ? " and no spec reads as an input metric" : "")
                                    + ": it can never return data (a typo, or a rule file left out?)"));
                }
            }
        }
    }

    /** The metric name a selector pins with {@code name{...}} or {@code {__name__="name"}}; empty otherwise. */
    static Optional<String> metricName(VectorSelector selector) {
        if (selector.name() != null) {
            return Optional.of(selector.name());
        }
        return selector.matchers().stream()
                .filter(m -> m.name().equals("__name__") && m.type() == LabelMatcher.Type.EQUAL)
                .map(LabelMatcher::value)
                .findFirst();
    }
}
