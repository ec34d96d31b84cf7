package io.sloc.ruletest;

import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.template.AlertTemplateExpander;
import io.sloc.template.QueryFunction;
import io.sloc.template.TemplateSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders an alerting rule's label and annotation templates for one result sample, with the test group's external
 * labels and URL, and {@code query} running against the test's storage at the evaluation time.
 */
final class AlertTemplateRenderer {
    private static final AlertTemplateExpander EXPANDER = new AlertTemplateExpander();

    private static final int MAX_CACHED = 10_000;
    private final Map<String, String> externalLabels;
    private final String externalUrl;
    /**
     * Expansions of templates that do not call {@code query}: those depend only on the alert, the text, the sample's
     * labels and value (external labels and URL are fixed here), and a firing alert renders the same ones at every
     * evaluation step.
     */
    private final Map<Expansion, String> pureExpansions = new HashMap<>();

    private record Expansion(String alertName, String text, Labels labels, long valueBits) {
        // Written out: a record's generated equals, hashCode and toString spin method handles at their first call,
        // about 10 ms of start-up that the start-up cache cannot hold.
        @Override
        public boolean equals(Object o) {
            return o instanceof Expansion e && valueBits == e.valueBits && alertName.equals(e.alertName)
                    && text.equals(e.text) && labels.equals(e.labels);
        }

        @Override
        public int hashCode() {
            return Objects.hash(alertName, text, labels, valueBits);
        }
    }

    AlertTemplateRenderer(Map<String, String> externalLabels, String externalUrl) {
        this.externalLabels = externalLabels;
        this.externalUrl = externalUrl;
    }

    String expand(String alertName, String text, Sample sample, long tsMs, Querier querier) {
        if (!text.contains("{{")) {
            return text; // no action: renders as itself (most label values, at every step)
        }
        if (text.contains("query")) {
            return render(alertName, text, sample, tsMs, querier);
        }
        Expansion key = new Expansion(alertName, text, sample.metric(), Double.doubleToRawLongBits(sample.value()));
        String cached = pureExpansions.get(key);
        if (cached == null) {
            if (pureExpansions.size() >= MAX_CACHED) {
                pureExpansions.clear();
            }
            cached = render(alertName, text, sample, tsMs, querier);
            pureExpansions.put(key, cached);
        }
        return cached;
    }

    private String render(String alertName, String text, Sample sample, long tsMs, Querier querier) {
        QueryFunction query = (promql, t) -> {
            List<TemplateSample> out = new ArrayList<>();
            try {
                for (Sample s : querier.query(promql, t)) {
                    out.add(new TemplateSample(s.metric().toMap(), s.value()));
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
