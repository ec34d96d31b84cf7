package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import io.sloc.model.SlocNamespace;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.Selectors;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.rules.RecordingRule;
import io.sloc.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A selector on a metric that nothing in sight produces. A metric is produced when a recording rule in the checked
 * files records it, when a spec reads it as an input, when Prometheus itself writes it ({@code ALERTS},
 * {@code up}, the scrape series), or when the user declares it ({@link KnownMetrics}). Anything else may still be
 * recorded elsewhere (another Prometheus through federation, an upstream chart's rules), so it is a warning; the
 * one exception is a name in sloc's own namespace in an sloc project, where the specs are the only producer: there
 * it is an error. Plain names (without a colon) are judged only when the existing metrics are known, from specs or
 * a scrape; otherwise only {@code level:metric:operations} names, which by convention are recording rules.
 */
public final class UnrecordedMetricLint implements Lint {
    private static final Set<String> PROMETHEUS_OWN = Set.of("ALERTS", "ALERTS_FOR_STATE", "up",
            "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
            "scrape_series_added");

    @Override
    public String id() {
        return "unrecorded-metric";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        Set<String> produced = new HashSet<>(PROMETHEUS_OWN);
        context.rules().stream().filter(r -> r instanceof RecordingRule).forEach(r -> produced.add(r.name()));
        context.specs().forEach(spec -> produced.addAll(SpecInputs.metrics(spec)));
        boolean plainNamesJudged = context.slocProject() || context.knownMetrics().scrapeGiven();
        for (Rule rule : context.rules()) {
            for (VectorSelector selector : Selectors.in(rule.expr())) {
                Optional<String> name = metricName(selector);
                if (name.isEmpty() || produced.contains(name.get()) || context.knownMetrics().contains(name.get())
                        || !plainNamesJudged && !name.get().contains(":")) {
                    continue;
                }
                report.accept(finding(context, rule, name.get(), rule.exprPositions().at(selector.pos().start())));
            }
        }
    }

    private Diagnostic finding(LintContext context, Rule rule, String metric, SourceLocation at) {
        String selects = "rule " + rule.name() + " selects " + metric + ", which ";
        if (context.slocProject() && SlocNamespace.contains(metric)) {
            return Diagnostic.error(id(), at, selects + "no recording rule in the checked files records: in an sloc "
                    + "project only the specs produce " + SlocNamespace.LEVEL_PREFIX + " and "
                    + SlocNamespace.INFO_PREFIX + " series, so it can never return data (a typo, or a removed SLO?)");
        }
        List<String> absentFrom = new ArrayList<>(List.of("no recording rule in the checked files records"));
        if (context.slocProject()) {
            absentFrom.add("no spec reads as an input");
        }
        if (context.knownMetrics().scrapeGiven()) {
            absentFrom.add("no metrics scrape lists");
        }
        return Diagnostic.warning(id(), at, selects + and(absentFrom) + ": unless it is recorded "
                + "elsewhere (declare it with --known-metric or known_metrics in .sloc.yml), the rule never "
                + "returns data");
    }

    /** {@code a, b and c}. */
    private static String and(List<String> parts) {
        int last = parts.size() - 1;
        return last == 0 ? parts.get(0) : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
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
