package io.sloc.emit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.engine.Engine;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replays Prometheus rule files over a storage, the way a Prometheus server would: at every step each group's
 * rules run in order, recording rules append their results under the recorded name and labels, and alerting rules
 * append {@code ALERTS{alertname, alertstate="firing", ...} 1} for every element of their result. Simplification:
 * {@code for:} is ignored (an alert fires as soon as its expression returns), which is enough to give dashboards
 * ALERTS series to read.
 */
final class RuleReplay {
    private static final YAMLMapper YAML = new YAMLMapper();

    record Rule(String record, String alert, Expr expr, Map<String, String> labels) {
    }

    private final List<List<Rule>> groups;
    private final Engine engine = new Engine();

    private RuleReplay(List<List<Rule>> groups) {
        this.groups = groups;
    }

    /** The rules of every Prometheus rule file ({@code groups:} at the top) among {@code files}. */
    static RuleReplay of(Map<String, byte[]> files, Function<String, Expr> parser) {
        List<List<Rule>> groups = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (!path.endsWith(".yml") && !path.endsWith(".yaml")) {
                return;
            }
            JsonNode root = read(bytes);
            for (JsonNode group : root.path("groups")) {
                List<Rule> rules = new ArrayList<>();
                for (JsonNode rule : group.path("rules")) {
                    Map<String, String> labels = new java.util.TreeMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = rule.path("labels").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> label = it.next();
                        labels.put(label.getKey(), label.getValue().asText());
                    }
                    rules.add(new Rule(rule.path("record").asText(null), rule.path("alert").asText(null),
                            parser.apply(rule.path("expr").asText()), labels));
                }
                groups.add(rules);
            }
        });
        return new RuleReplay(groups);
    }

    int ruleCount() {
        return groups.stream().mapToInt(List::size).sum();
    }

    void run(MemoryStorage storage, long startMs, long endMs, long stepMs) {
        for (long t = startMs; t <= endMs; t += stepMs) {
            for (List<Rule> group : groups) {
                for (Rule rule : group) {
                    evaluate(storage, rule, t);
                }
            }
        }
    }

    private void evaluate(MemoryStorage storage, Rule rule, long t) {
        Value value = engine.instantQuery(storage, rule.expr(), t);
        if (!(value instanceof Vector vector)) {
            throw new IllegalStateException("rule does not give a vector: " + rule);
        }
        for (Sample sample : vector.samples()) {
            Labels.Builder labels = sample.metric().withoutMetricName().toBuilder();
            rule.labels().forEach(labels::set);
            if (rule.record() != null) {
                labels.set(Labels.METRIC_NAME, rule.record());
                storage.append(labels.build(), t, sample.value());
            } else {
                labels.set(Labels.METRIC_NAME, "ALERTS").set("alertname", rule.alert()).set("alertstate", "firing");
                storage.append(labels.build(), t, 1);
            }
        }
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return YAML.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
