package io.sloc.compiler.validation;

import io.sloc.dsl.ast.PromqlText;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.model.PromqlQuery;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.ValueType;
import io.sloc.promql.ast.VectorSelector;

/**
 * SLI PromQL parses and has a shape the rule generator can use: counters as plain selectors (sloc adds
 * {@code rate(...[window])}) or instant-vector expressions whose ranges say {@code [$window]}; a latency
 * histogram as a plain selector of its base name (classic) or of its one series (native); an availability
 * gauge as an instant vector.
 */
public final class SliQueriesHaveShape implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                if (slo.sli() instanceof SliNode.Ratio ratio) {
                    counter(spec, ratio.errors() != null ? ratio.errors() : ratio.good(),
                            ratio.errors() != null ? "errors" : "good", diagnostics);
                    counter(spec, ratio.total(), "total", diagnostics);
                } else if (slo.sli() instanceof SliNode.Latency latency && latency.histogram() != null) {
                    histogram(spec, latency.histogram(), diagnostics);
                } else if (slo.sli() instanceof SliNode.Latency latency) {
                    nativeHistogram(spec, latency.nativeHistogram(), diagnostics);
                } else if (slo.sli() instanceof SliNode.Availability availability) {
                    gauge(spec, availability.gauge(), diagnostics);
                }
            }
        }
    }

    private static void counter(SpecContext spec, PromqlText text, String field, Diagnostics diagnostics) {
        PromqlQuery query = spec.promql(text);
        if (query.usesWindow() ? query.parsed().type() != ValueType.VECTOR
                : !(query.parsed() instanceof VectorSelector)) {
            diagnostics.error(text.start(), "`" + field + "` must be a counter selector such as "
                    + "http_requests_total{code=~\"5..\"}, or an instant-vector expression whose ranges are "
                    + "[$window], such as sum(rate(a_total[$window])) + sum(rate(b_total[$window]))");
        }
        plainSelector(text, query, diagnostics);
    }

    /** sloc appends the range to SLI selectors, which an offset or @ modifier would have to follow. */
    private static void plainSelector(PromqlText text, PromqlQuery query, Diagnostics diagnostics) {
        if (query.parsed() instanceof VectorSelector selector && (selector.offsetMs() != 0 || selector.at() != null)) {
            diagnostics.error(text.start(), "offset and @ modifiers are not supported in SLI selectors: an SLO "
                    + "measures the present");
        }
    }

    private static void histogram(SpecContext spec, PromqlText text, Diagnostics diagnostics) {
        PromqlQuery query = spec.promql(text);
        if (!(query.parsed() instanceof VectorSelector selector) || selector.name() == null
                || query.usesWindow()) {
            diagnostics.error(text.start(), "`histogram` must be the selector of a classic histogram's base name, "
                    + "such as http_request_duration_seconds{job=\"api\"}");
            return;
        }
        plainSelector(text, query, diagnostics);
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (selector.name().endsWith(suffix)) {
                diagnostics.error(text.start(), "write the histogram's base name without '" + suffix + "' ("
                        + selector.name().substring(0, selector.name().length() - suffix.length())
                        + "); sloc reads its _bucket and _count series");
            }
        }
        if (selector.matchers().stream().map(LabelMatcher::name).anyMatch("le"::equals)) {
            diagnostics.error(text.start(), "do not match on 'le' in a latency SLI: the threshold comes from "
                    + "`faster_than`");
        }
    }

    private static void nativeHistogram(SpecContext spec, PromqlText text, Diagnostics diagnostics) {
        PromqlQuery query = spec.promql(text);
        if (!(query.parsed() instanceof VectorSelector selector) || selector.name() == null
                || query.usesWindow()) {
            diagnostics.error(text.start(), "`native_histogram` must be the selector of a native histogram, "
                    + "such as http_request_duration_seconds{job=\"api\"}");
            return;
        }
        plainSelector(text, query, diagnostics);
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (selector.name().endsWith(suffix)) {
                diagnostics.error(text.start(), "a native histogram is one series named without '" + suffix
                        + "' (" + selector.name().substring(0, selector.name().length() - suffix.length())
                        + "); its buckets, count and sum are inside each sample");
            }
        }
    }

    private static void gauge(SpecContext spec, PromqlText text, Diagnostics diagnostics) {
        PromqlQuery query = spec.promql(text);
        if (query.usesWindow() || query.parsed().type() != ValueType.VECTOR) {
            diagnostics.error(text.start(), "an availability SLI takes a 0/1 gauge as an instant vector, "
                    + "such as up{job=\"api\"} (no $window: sloc averages it over each window)");
        }
        plainSelector(text, query, diagnostics);
    }
}
