package io.sloc.ruletest;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.storage.StaleMarker;
import io.sloc.promql.storage.StorageException;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.rules.AlertingRule;
import io.sloc.rules.RecordingRule;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Rule groups evaluated over one storage, one timestamp after another, as Prometheus's rule groups are: groups in
 * order, rules in order, each rule's output appended before the next rule runs, series a rule stopped writing
 * marked stale, alerts moving through pending and firing. Both promtool's test loop and a replay of recorded
 * history run on it.
 */
public final class RuleEvaluation {
    /** A replay's per-query sample limit: none, as a recorded history is as large as it is. */
    private static final int NO_SAMPLE_LIMIT = 0;

    private final MemoryStorage storage;
    private final Querier querier;
    private final List<RuleGroup> ruleGroups;
    private final List<List<RuleState>> groups = new ArrayList<>();

    RuleEvaluation(List<RuleGroup> ruleGroups, MemoryStorage storage, Querier querier,
                   AlertTemplateRenderer templates) {
        this.storage = storage;
        this.querier = querier;
        this.ruleGroups = List.copyOf(ruleGroups);
        for (RuleGroup g : ruleGroups) {
            List<RuleState> states = new ArrayList<>();
            for (Rule r : g.rules()) {
                states.add(r instanceof AlertingRule a ? new AlertingRuleState(a, templates)
                        : new RecordingRuleState((RecordingRule) r));
            }
            groups.add(states);
        }
    }

    /**
     * The rules of {@code ruleGroups} over {@code storage} (which holds their input series), queried with the
     * semantics of {@code profile}, subqueries stepping by {@code evalIntervalMs}.
     */
    public static RuleEvaluation over(List<RuleGroup> ruleGroups, MemoryStorage storage, long evalIntervalMs,
                                      PromqlProfile profile) {
        return new RuleEvaluation(ruleGroups, storage, new Querier(storage, evalIntervalMs, NO_SAMPLE_LIMIT, profile),
                new AlertTemplateRenderer(Map.of(), ""));
    }

    /** Every rule with its group, in evaluation order. */
    Map<RuleState, RuleGroup> rules() {
        Map<RuleState, RuleGroup> rules = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (RuleState rule : groups.get(g)) {
                rules.put(rule, ruleGroups.get(g));
            }
        }
        return rules;
    }

    /** One evaluation step at {@code ts}; promtool's message for every rule that failed, empty when none did. */
    public List<String> evaluate(long ts) {
        return evaluate(ts, null);
    }

    /** {@link #evaluate(long)}, taking the results {@code ahead} has of rules' queries (null: runs them all). */
    List<String> evaluate(long ts, QueriesAhead ahead) {
        List<String> evalErrors = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (RuleState rule : groups.get(g)) {
                evaluateRule(rule, ts, ruleGroups.get(g), ahead);
            }
            for (RuleState rule : groups.get(g)) {
                if (rule.lastError != null) {
                    evalErrors.add(Messages.ruleError(rule.rule().name(), ts, rule.lastError));
                }
            }
        }
        return evalErrors;
    }

    private void evaluateRule(RuleState rule, long ts, RuleGroup group, QueriesAhead ahead) {
        List<Sample> output;
        try {
            List<Sample> result = ahead == null ? null : ahead.result(rule, ts);
            if (result == null) {
                result = querier.query(rule.query(querier), ts - group.queryOffsetMs());
            }
            output = rule.evaluate(ts, group.queryOffsetMs(), result, querier, group.limit());
        } catch (Querier.QueryException e) {
            rule.lastError = e.getMessage();
            return;
        }
        rule.lastError = null;
        List<Labels> written = new ArrayList<>(output.size());
        for (int i = 0; i < output.size(); i++) { // no iterators: every rule at every step
            Sample s = output.get(i);
            try {
                storage.append(s.metric(), s.timestampMs(), s.value());
                written.add(s.metric());
            } catch (StorageException e) {
                rule.lastError = e.getMessage();
            }
        }
        if (!sameSeries(written, rule.previousSeries)) {
            Set<Labels> kept = new HashSet<>(written);
            for (Labels gone : rule.previousSeries) {
                if (!kept.contains(gone)) {
                    try {
                        storage.append(gone, ts - group.queryOffsetMs(), StaleMarker.VALUE);
                    } catch (StorageException e) {
                        // Expected when another rule wrote the series at this time; Prometheus ignores it too.
                    }
                }
            }
        }
        rule.previousSeries = written;
    }

    /** Whether a rule wrote the same series as last time, in the same order (then none went stale): most steps. */
    private static boolean sameSeries(List<Labels> written, List<Labels> previous) {
        if (written.size() != previous.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            if (!written.get(i).equals(previous.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The firing alerts of the alerting rules named {@code alertname}, after the latest step. */
    List<AlertView> firingAlerts(String alertname) {
        List<AlertView> got = new ArrayList<>();
        for (List<RuleState> group : groups) {
            for (RuleState rule : group) {
                if (rule instanceof AlertingRuleState a && a.rule().name().equals(alertname)) {
                    got.addAll(a.firingAlerts());
                }
            }
        }
        return got;
    }

    /** The labels of every firing alert (with {@code alertname}), after the latest step. */
    public List<SortedMap<String, String>> firingAlerts() {
        List<SortedMap<String, String>> firing = new ArrayList<>();
        for (List<RuleState> group : groups) {
            for (RuleState rule : group) {
                if (rule instanceof AlertingRuleState a) {
                    a.firingAlerts().forEach(alert -> firing.add(alert.labels()));
                }
            }
        }
        return firing;
    }
}
