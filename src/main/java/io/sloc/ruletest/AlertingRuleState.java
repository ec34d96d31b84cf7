package io.sloc.ruletest;

import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.rules.AlertingRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alerting rule's active alerts and their life cycle, as Prometheus 2.42's rules.AlertingRule.Eval drives it:
 * pending when first seen, firing once held for {@code for}, kept firing for {@code keep_firing_for} after the
 * expression stops returning it, resolved (and kept 15 minutes, invisible to tests) otherwise. Every evaluation
 * writes {@code ALERTS} and {@code ALERTS_FOR_STATE} for the active alerts, since promtool marks rules as restored.
 */
final class AlertingRuleState extends RuleState {
    private static final long RESOLVED_RETENTION_MS = 15 * 60_000;

    private enum State { PENDING, FIRING, INACTIVE }

    private static final class Alert {
        final Labels labels;
        Map<String, String> annotations;
        final long activeAtMs;
        State state = State.PENDING;
        double value;
        long resolvedAtMs = -1;
        long keepFiringSinceMs = -1;
        /** The labels of its ALERTS_FOR_STATE and (for {@link #alertsState}) ALERTS series, built once. */
        Labels forStateLabels;
        Labels alertsLabels;
        State alertsState;

        Alert(Labels labels, Map<String, String> annotations, long activeAtMs, double value) {
            this.labels = labels;
            this.annotations = annotations;
            this.activeAtMs = activeAtMs;
            this.value = value;
        }
    }

    private final AlertingRule rule;
    private final AlertTemplateRenderer templates;
    private final Map<Labels, Alert> active = new LinkedHashMap<>();

    AlertingRuleState(AlertingRule rule, AlertTemplateRenderer templates) {
        this.rule = rule;
        this.templates = templates;
    }

    @Override
    AlertingRule rule() {
        return rule;
    }

    /** The firing alerts, as promtool's alert checks see them. */
    List<AlertView> firingAlerts() {
        List<AlertView> out = new ArrayList<>();
        for (Alert a : active.values()) {
            if (a.state == State.FIRING) {
                out.add(AlertView.of(a.labels, a.annotations));
            }
        }
        return out;
    }

    @Override
    List<Sample> evaluate(long tsMs, long queryOffsetMs, List<Sample> queryResult, Querier querier, int limit)
            throws Querier.QueryException {
        long queryTime = tsMs - queryOffsetMs;
        Map<Labels, Alert> current = new LinkedHashMap<>();
        for (Sample s : queryResult) {
            Labels.Builder lb = s.metric().toBuilder().remove(Labels.METRIC_NAME);
            for (Map.Entry<String, String> l : rule.labels().entrySet()) {
                lb.set(l.getKey(), templates.expand(rule.name(), l.getValue(), s, tsMs, querier));
            }
            lb.set("alertname", rule.name());
            Map<String, String> annotations = new TreeMap<>();
            for (Map.Entry<String, String> a : rule.annotations().entrySet()) {
                annotations.put(a.getKey(), templates.expand(rule.name(), a.getValue(), s, tsMs, querier));
            }
            Labels labels = lb.build();
            if (current.containsKey(labels)) {
                throw new Querier.QueryException(
                        "vector contains metrics with the same labelset after applying alert labels");
            }
            current.put(labels, new Alert(labels, annotations, tsMs, s.value()));
        }
        for (Alert a : current.values()) {
            Alert existing = active.get(a.labels);
            if (existing != null && existing.state != State.INACTIVE) {
                existing.value = a.value;
                existing.annotations = a.annotations;
            } else {
                active.put(a.labels, a);
            }
        }
        List<Sample> out = new ArrayList<>();
        int activeOrPending = 0;
        for (Iterator<Alert> it = active.values().iterator(); it.hasNext(); ) {
            Alert a = it.next();
            if (!current.containsKey(a.labels)) {
                boolean keepFiring = false;
                if (a.state == State.FIRING && rule.keepFiringForMs() > 0) {
                    if (a.keepFiringSinceMs < 0) {
                        a.keepFiringSinceMs = tsMs;
                    }
                    keepFiring = tsMs - a.keepFiringSinceMs < rule.keepFiringForMs();
                }
                if (a.state == State.PENDING
                        || a.resolvedAtMs >= 0 && tsMs - a.resolvedAtMs > RESOLVED_RETENTION_MS) {
                    it.remove();
                }
                if (a.state != State.INACTIVE && !keepFiring) {
                    a.state = State.INACTIVE;
                    a.resolvedAtMs = tsMs;
                }
                if (!keepFiring) {
                    continue;
                }
            } else {
                a.keepFiringSinceMs = -1;
            }
            activeOrPending++;
            if (a.state == State.PENDING && tsMs - a.activeAtMs >= rule.forMs()) {
                a.state = State.FIRING;
            }
            if (a.alertsState != a.state) {
                a.alertsLabels = seriesLabels(a, "ALERTS", true);
                a.alertsState = a.state;
            }
            if (a.forStateLabels == null) {
                a.forStateLabels = seriesLabels(a, "ALERTS_FOR_STATE", false);
            }
            out.add(new Sample(a.alertsLabels, queryTime, 1));
            out.add(new Sample(a.forStateLabels, queryTime, Math.floorDiv(a.activeAtMs, 1000)));
        }
        if (limit > 0 && activeOrPending > limit) {
            active.clear();
            throw new Querier.QueryException(
                    "exceeded limit of " + limit + " with " + activeOrPending + " alerts");
        }
        return out;
    }

    /** ALERTS / ALERTS_FOR_STATE: the rule's raw labels overridden by the alert's (expanded) ones. */
    private Labels seriesLabels(Alert a, String metric, boolean withState) {
        Labels.Builder b = Labels.of(rule.labels()).toBuilder();
        for (int i = 0; i < a.labels.size(); i++) {
            b.set(a.labels.name(i), a.labels.value(i));
        }
        b.set(Labels.METRIC_NAME, metric).set("alertname", rule.name());
        if (withState) {
            b.set("alertstate", a.state == State.FIRING ? "firing" : "pending");
        }
        return b.build();
    }
}
