package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.value.Labels;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * With a {@code --metrics} scrape: every selector of an SLI must select at least one series of the scrape, or the
 * SLI reads nothing (a misspelt metric or label value). A warning, since a series can be missing from one scrape
 * and still exist: an error counter appears only after the first error, another instance may expose it.
 */
public final class SliSeriesLint implements Lint {
    @Override
    public String id() {
        return "sli-series";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        context.knownMetrics().scrape().ifPresent(scrape -> context.forEachSlo((service, slo) -> {
            for (SliSelectors read : SliSelectors.of(slo.sli())) {
                check(service, slo, read, scrape, report);
            }
        }));
    }

    private void check(Service service, Slo slo, SliSelectors read, Scrape scrape, Consumer<Diagnostic> report) {
        List<LabelMatcher> matchers = read.selector().matchers();
        if (!scrape.select(read.metric(), matchers).isEmpty()) {
            return;
        }
        int series = scrape.seriesOf(read.metric()).size();
        String what = series == 0 ? "there is no " + read.metric() + " series in " + scrape.source()
                : "none of the " + series + " " + read.metric() + " series in " + scrape.source() + " has "
                        + matchers.stream().filter(m -> !m.name().equals(Labels.METRIC_NAME))
                                .map(LabelMatcher::toString).collect(Collectors.joining(", "));
        String unjudged = scrape.unjudged(read.metric(), matchers).collect(Collectors.joining(", "));
        report.accept(Diagnostic.warning(id(), read.query().location(), "SLO " + service.name() + "/" + slo.name()
                + " reads " + read.metric() + ", but " + what
                + (series > 0 && !unjudged.isEmpty() ? " (" + unjudged + " not judged: no series in the scrape "
                        + "carries it, so Prometheus attaches it at scrape time)" : "")
                + ": the SLI reads no data unless the series exists elsewhere"));
    }
}
