package io.sloc.ruletest;

import io.sloc.promql.value.Sample;
import io.sloc.template.AlertTemplateExpander;
import io.sloc.template.QueryFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders an alerting rule's label and annotation templates for one result sample, with the test group's external
 * labels and URL, and {@code query} running against the test's storage at the evaluation time.
 */
final class AlertTemplateRenderer {
    private static final AlertTemplateExpander EXPANDER = new AlertTemplateExpander();

    private final Map<String, String> externalLabels;
    private final String externalUrl;

    AlertTemplateRenderer(Map<String, String> externalLabels, String externalUrl) {
        this.externalLabels = externalLabels;
        this.externalUrl = externalUrl;
    }

    String expand(String alertName, String text, Sample sample, long tsMs, Querier querier) {
        QueryFunction query = (promql, t) -> {
            List<io.sloc.template.Sample> out = new ArrayList<>();
            try {
                for (Sample s : querier.query(promql, t)) {
                    out.add(new io.sloc.template.Sample(s.metric().toMap(), s.value()));
                }
            } catch (Querier.QueryException e) {
                throw new QueryFunction.QueryException(e.getMessage());
            }
            return out;
        };
        return EXPANDER.expand(alertName, text, sample.metric().toMap(), externalLabels, externalUrl,
                sample.value(), tsMs, query);
    }
}
