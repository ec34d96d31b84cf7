package io.sloc.check.lint;

import io.sloc.model.PromqlQuery;
import io.sloc.model.Sli;
import io.sloc.promql.ast.Selectors;
import io.sloc.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * The series an SLI reads, selector by selector, as a scrape would show them: a classic latency SLI's histogram
 * as its {@code _bucket} series. Only selectors that pin a plain metric name: a colon name is a recording rule,
 * which no {@code /metrics} scrape shows.
 *
 * @param query    the spec's PromQL that holds the selector (its location is where findings go)
 * @param selector the selector as written
 * @param metric   the metric of the series it reads
 */
record SliSelectors(PromqlQuery query, VectorSelector selector, String metric) {
    static List<SliSelectors> of(Sli sli) {
        List<SliSelectors> found = new ArrayList<>();
        if (sli instanceof Sli.Ratio ratio) {
            add(ratio.events(), "", found);
            add(ratio.total(), "", found);
        } else if (sli instanceof Sli.Latency latency) {
            add(latency.histogram(), "_bucket", found);
        } else if (sli instanceof Sli.NativeLatency latency) {
            add(latency.histogram(), "", found);
        } else if (sli instanceof Sli.Availability availability) {
            add(availability.gauge(), "", found);
        }
        return found;
    }

    private static void add(PromqlQuery query, String suffix, List<SliSelectors> found) {
        for (VectorSelector selector : Selectors.in(query.parsed())) {
            UnrecordedMetricLint.metricName(selector).filter(name -> !name.contains(":"))
                    .ifPresent(name -> found.add(new SliSelectors(query, selector, name + suffix)));
        }
    }
}
