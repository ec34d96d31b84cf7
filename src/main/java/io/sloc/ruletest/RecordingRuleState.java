package io.sloc.ruletest;

import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.rules.RecordingRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A recording rule: the query result renamed to the record name, with the rule's labels set. */
final class RecordingRuleState extends RuleState {
    private static final int MAX_INTERNED = 10_000;
    private final RecordingRule rule;
    /**
     * Output labels by result labels: the same series come back at every step, so each output label set is built
     * once and the storage finds it by identity.
     */
    private final Map<Labels, Labels> outputLabels = new HashMap<>();

    RecordingRuleState(RecordingRule rule) {
        this.rule = rule;
    }

    @Override
    RecordingRule rule() {
        return rule;
    }

    @Override
    List<Sample> evaluate(long tsMs, long queryOffsetMs, List<Sample> result, Querier querier, int limit)
            throws Querier.QueryException {
        long queryTime = tsMs - queryOffsetMs;
        List<Sample> out = new ArrayList<>(result.size());
        Set<Labels> seen = result.size() > 1 ? new HashSet<>() : null; // one sample cannot repeat itself
        boolean duplicate = false;
        if (outputLabels.size() > MAX_INTERNED) {
            outputLabels.clear();
        }
        for (int i = 0; i < result.size(); i++) { // no iterator or lambda: every rule at every step
            Sample s = result.get(i);
            Labels labels = outputLabels.get(s.metric());
            if (labels == null) {
                labels = outputLabels(s.metric());
                outputLabels.put(s.metric(), labels);
            }
            duplicate |= seen != null && !seen.add(labels);
            out.add(new Sample(labels, queryTime, s.value()));
        }
        if (duplicate) {
            throw new Querier.QueryException(
                    "vector contains metrics with the same labelset after applying rule labels");
        }
        if (limit > 0 && out.size() > limit) {
            throw new Querier.QueryException("exceeded limit of " + limit + " with " + out.size() + " series");
        }
        return out;
    }

    private Labels outputLabels(Labels resultLabels) {
        Labels.Builder b = resultLabels.toBuilder().set(Labels.METRIC_NAME, rule.name());
        for (Map.Entry<String, String> l : rule.labels().entrySet()) {
            b.set(l.getKey(), l.getValue());
        }
        return b.build();
    }
}
