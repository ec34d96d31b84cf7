package io.sloc.dsl.interop;

import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.PromqlText;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.WindowNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * OpenSLO {@code openslo/v1} and {@code openslo/v1alpha} (github.com/OpenSLO/OpenSLO). An {@code SLO} becomes one
 * sloc SLO per objective (named {@code metadata.name}, with {@code -<index>} when there are several, and always for
 * v1alpha as Sloth names them) in the service {@code spec.service}. It may refer to {@code SLI}, {@code DataSource},
 * {@code AlertPolicy} and {@code AlertCondition} objects of the same file by name.
 *
 * <p>Supported: Occurrences budgeting over one rolling window; ratio metrics (good or bad over total) and threshold
 * metrics (a gauge compared with the objective's {@code op} and {@code value}, which sloc averages as a 0/1 gauge)
 * on Prometheus sources; burn-rate alert conditions, each a window of factor {@code threshold} over
 * {@code lookbackWindow}, confirmed by a short window of a twelfth of it (the SRE workbook's ratio), firing after
 * {@code alertAfter}. Without alert policies the SLO raises no alerts. Anything else is a located error.
 */
final class OpenSloReader {
    private static final Set<String> KINDS = Set.of("SLO", "SLI", "DataSource", "AlertPolicy", "AlertCondition",
            "AlertNotificationTarget", "Service");
    private static final Map<String, String> COMPARISONS = Map.of("lt", "<", "lte", "<=", "gt", ">", "gte", ">=");

    /** The objects of the file by kind and name, for references. */
    private final Map<String, YamlValue> objects = new HashMap<>();
    private final boolean alpha;
    /** Display names and descriptions without a place in the AST, by the SLO they describe. */
    private final Map<SourceLocation, List<String>> notes;

    private OpenSloReader(boolean alpha, Map<SourceLocation, List<String>> notes) {
        this.alpha = alpha;
        this.notes = notes;
    }

    /** The SLOs of a file's OpenSLO objects, each with the name of its service. */
    static List<Map.Entry<Located<String>, SloNode>> read(List<YamlValue> roots, boolean alpha,
                                                          Map<SourceLocation, List<String>> notes) {
        OpenSloReader reader = new OpenSloReader(alpha, notes);
        for (YamlValue root : roots) {
            root.allowOnly(Set.of("apiVersion", "kind", "metadata", "spec"));
            String kind = root.required("kind").text();
            if (!KINDS.contains(kind)) {
                throw root.required("kind").error("unknown OpenSLO kind '" + kind + "'; sloc reads "
                        + String.join(", ", KINDS.stream().sorted().toList()));
            }
            reader.objects.put(kind + "/" + root.required("metadata").required("name").text(), root);
        }
        List<Map.Entry<Located<String>, SloNode>> slos = new ArrayList<>();
        for (YamlValue root : roots) {
            if (root.required("kind").text().equals("SLO")) {
                reader.slos(root, slos);
            }
        }
        return slos;
    }

    private void slos(YamlValue root, List<Map.Entry<Located<String>, SloNode>> out) {
        YamlValue spec = root.required("spec").allowOnly(alpha
                ? Set.of("description", "service", "budgetingMethod", "objectives", "timeWindows", "alertPolicies")
                : Set.of("description", "service", "indicator", "indicatorRef", "timeWindow", "budgetingMethod",
                        "objectives", "alertPolicies"));
        YamlValue budgeting = spec.required("budgetingMethod");
        if (!budgeting.text().equals("Occurrences")) {
            throw budgeting.error("not supported: '" + budgeting.text() + "' budgeting; sloc counts Occurrences "
                    + "(good events over all events in a rolling window)");
        }
        Located<String> window = window(spec.required(alpha ? "timeWindows" : "timeWindow"));
        Located<String> service = spec.required("service").name();
        YamlValue description = spec.field("description");
        PolicyNode policy = policy(spec.field("alertPolicies"));
        List<YamlValue> objectives = spec.required("objectives").items();
        Located<String> name = root.required("metadata").required("name").name();
        for (int i = 0; i < objectives.size(); i++) {
            YamlValue objective = objectives.get(i);
            Located<String> sloName = alpha || objectives.size() > 1
                    ? new Located<>(name.value() + "-" + i, name.location()) : name;
            note(objective.location(), root.required("metadata").field("displayName"));
            note(objective.location(), objective.field("displayName"));
            out.add(Map.entry(service, new SloNode(sloName, description == null ? null : description.located(),
                    target(objective), window, sli(spec, objective), List.of(),
                    policy == null ? new Located<>("none", spec.location()) : null, policy, null, List.of(),
                    objective.location())));
        }
    }

    private void note(SourceLocation statement, YamlValue text) {
        if (text != null) {
            notes.computeIfAbsent(statement, k -> new ArrayList<>()).add(text.path() + ": " + text.text());
        }
    }

    private Located<String> window(YamlValue windows) {
        List<YamlValue> items = windows.items();
        if (items.size() != 1) {
            throw windows.error("sloc takes exactly one time window");
        }
        YamlValue window = items.get(0).allowOnly(alpha ? Set.of("count", "unit", "isRolling", "calendar")
                : Set.of("duration", "isRolling", "calendar"));
        window.unsupported("calendar", "calendar-aligned windows; sloc's windows roll");
        YamlValue rolling = window.field("isRolling");
        if (rolling != null && !rolling.bool()) {
            throw rolling.error("not supported: calendar-aligned windows; sloc's windows roll (isRolling: true)");
        }
        if (alpha) {
            YamlValue unit = window.required("unit");
            String suffix = Map.of("Second", "s", "Minute", "m", "Hour", "h", "Day", "d", "Week", "w")
                    .get(unit.text());
            if (suffix == null) {
                throw unit.error("not supported: unit '" + unit.text() + "'; use Second, Minute, Hour, Day or Week "
                        + "(months, quarters and years are calendar periods)");
            }
            return new Located<>(window.required("count").decimal() + suffix, window.required("count").location());
        }
        YamlValue duration = window.required("duration");
        if (!duration.text().matches("[0-9]+[smhdw]")) {
            throw duration.error("not supported: duration '" + duration.text() + "'; use a number of s, m, h, d or "
                    + "w (M, Q and Y are calendar periods)");
        }
        return duration.located();
    }

    private Located<String> target(YamlValue objective) {
        objective.allowOnly(alpha
                ? Set.of("displayName", "op", "value", "target", "timeSliceTarget", "ratioMetrics")
                : Set.of("displayName", "op", "value", "target", "targetPercent", "timeSliceTarget",
                        "timeSliceWindow", "indicator", "indicatorRef", "compositeWeight"));
        objective.unsupported("timeSliceTarget", "Timeslices budgeting");
        objective.unsupported("timeSliceWindow", "Timeslices budgeting");
        objective.unsupported("compositeWeight", "composite SLOs");
        YamlValue percent = objective.field("targetPercent");
        if (percent != null) {
            return new Located<>(percent.decimal() + "%", percent.location());
        }
        YamlValue target = objective.required("target");
        return new Located<>(new BigDecimal(target.decimal()).movePointRight(2).stripTrailingZeros()
                .toPlainString() + "%", target.location());
    }

    private SliNode sli(YamlValue sloSpec, YamlValue objective) {
        if (alpha) {
            YamlValue ratio = objective.required("ratioMetrics").allowOnly(Set.of("good", "bad", "total",
                    "incremental"));
            return ratio(ratio, this::alphaQuery);
        }
        YamlValue indicator = indicator(objective);
        if (indicator == null) {
            indicator = indicator(sloSpec);
        }
        if (indicator == null) {
            throw sloSpec.error("missing field 'indicator' (or 'indicatorRef')");
        }
        YamlValue spec = indicator.required("spec").allowOnly(Set.of("description", "ratioMetric",
                "thresholdMetric"));
        note(objective.location(), spec.field("description"));
        YamlValue threshold = spec.field("thresholdMetric");
        if (threshold != null) {
            PromqlText query = query(threshold.allowOnly(Set.of("metricSource")));
            String comparison = COMPARISONS.get(objective.required("op").text());
            if (comparison == null) {
                throw objective.required("op").error("expected one of lt, lte, gt, gte");
            }
            return new SliNode.Availability(new PromqlText("(" + query.text() + ") " + comparison + " bool "
                    + objective.required("value").decimal(), query.start()), threshold.location());
        }
        YamlValue ratio = spec.required("ratioMetric").allowOnly(Set.of("counter", "good", "bad", "total",
                "rawType", "raw"));
        ratio.unsupported("raw", "raw ratio metrics; sloc weights windows by good or bad and total events");
        YamlValue counter = ratio.field("counter");
        if (counter != null && !counter.bool()) {
            throw counter.error("not supported: gauges as ratio metrics; sloc takes the rate of counters");
        }
        return ratio(ratio, this::query);
    }

    /** The SLI of an objective or of the SLO: inline {@code indicator} or {@code indicatorRef} to an SLI. */
    private YamlValue indicator(YamlValue holder) {
        YamlValue inline = holder.field("indicator");
        if (inline != null) {
            return inline.allowOnly(Set.of("metadata", "spec"));
        }
        YamlValue ref = holder.field("indicatorRef");
        return ref == null ? null : object("SLI", ref);
    }

    private static SliNode ratio(YamlValue ratio, Function<YamlValue, PromqlText> query) {
        YamlValue good = ratio.field("good");
        YamlValue bad = ratio.field("bad");
        if (good == null && bad == null) {
            throw ratio.error("missing field 'good' (or 'bad')");
        }
        return new SliNode.Ratio(bad == null ? null : query.apply(bad), good == null ? null : query.apply(good),
                query.apply(ratio.required("total")), ratio.location());
    }

    /** A v1 metric: {@code metricSource} of type Prometheus, inline or a DataSource by {@code metricSourceRef}. */
    private PromqlText query(YamlValue metric) {
        YamlValue source = metric.required("metricSource").allowOnly(Set.of("metricSourceRef", "type", "spec"));
        YamlValue ref = source.field("metricSourceRef");
        YamlValue type = ref != null ? object("DataSource", ref).required("spec").required("type")
                : source.required("type");
        if (!type.text().toLowerCase(Locale.ROOT).equals("prometheus")) {
            throw type.error("not supported: metric source type '" + type.text() + "'; sloc reads Prometheus "
                    + "queries");
        }
        return source.required("spec").required("query").promql();
    }

    /** A v1alpha metric: {@code source: prometheus}, {@code queryType: promql}, {@code query}. */
    private PromqlText alphaQuery(YamlValue metric) {
        metric.allowOnly(Set.of("source", "queryType", "query", "metadata"));
        YamlValue source = metric.required("source");
        if (!source.text().toLowerCase(Locale.ROOT).equals("prometheus")) {
            throw source.error("not supported: source '" + source.text() + "'; sloc reads Prometheus queries");
        }
        return metric.required("query").promql();
    }

    /** The windows of every burn-rate condition of the SLO's alert policies; null when it has none. */
    private PolicyNode policy(YamlValue alertPolicies) {
        if (alertPolicies == null) {
            return null;
        }
        List<WindowNode> windows = new ArrayList<>();
        for (YamlValue entry : alertPolicies.items()) {
            YamlValue ref = entry.field("alertPolicyRef");
            YamlValue policy = ref != null ? object("AlertPolicy", ref) : entry;
            YamlValue spec = policy.required("spec").allowOnly(Set.of("description", "alertWhenNoData",
                    "alertWhenResolved", "alertWhenBreaching", "conditions", "notificationTargets"));
            YamlValue noData = spec.field("alertWhenNoData");
            if (noData != null && noData.bool()) {
                throw noData.error("not supported: sloc's burn-rate alerts stay quiet without data");
            }
            for (YamlValue condition : spec.required("conditions").items()) {
                YamlValue conditionRef = condition.field("conditionRef");
                windows.add(burnRateWindow(conditionRef != null ? object("AlertCondition", conditionRef) : condition));
            }
        }
        return windows.isEmpty() ? null : new PolicyNode(null, windows, null, null, null, List.of(), List.of(),
                null, alertPolicies.location());
    }

    private static WindowNode burnRateWindow(YamlValue alertCondition) {
        YamlValue spec = alertCondition.required("spec").allowOnly(Set.of("description", "severity", "condition"));
        YamlValue condition = spec.required("condition").allowOnly(Set.of("kind", "op", "threshold",
                "lookbackWindow", "alertAfter"));
        YamlValue kind = condition.required("kind");
        if (!kind.text().equals("burnrate")) {
            throw kind.error("not supported: condition kind '" + kind.text() + "'; sloc alerts on burn rates");
        }
        YamlValue op = condition.field("op");
        if (op != null && !op.text().equals("gt") && !op.text().equals("gte")) {
            throw op.error("not supported: '" + op.text() + "'; a burn-rate alert fires above its threshold");
        }
        YamlValue lookback = condition.required("lookbackWindow");
        Duration longWindow = WindowDurations.parse(lookback);
        YamlValue alertAfter = condition.field("alertAfter");
        return new WindowNode(null, new Located<>(condition.required("threshold").decimal(),
                condition.required("threshold").location()), lookback.located(),
                WindowDurations.minutes(longWindow.dividedBy(12), lookback), spec.required("severity").name(),
                alertAfter == null ? null : alertAfter.located(), null, List.of(), List.of(),
                alertCondition.location());
    }

    private YamlValue object(String kind, YamlValue ref) {
        YamlValue object = objects.get(kind + "/" + ref.text());
        if (object == null) {
            throw ref.error("no " + kind + " named '" + ref.text() + "' in this file");
        }
        return object;
    }
}
