package io.sloc.emit.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sloc.emit.GeneratedYaml;
import io.sloc.model.WindowText;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link GeneratedRuleFile} as Prometheus rule YAML, identical to the byte for equal input: keys in the order
 * Prometheus documents them, labels and annotations sorted, expressions always as literal blocks, other strings
 * quoted only when YAML needs it (numbers-as-strings always, so label values stay strings), no line splitting.
 */
public final class RuleFileWriter {
    private RuleFileWriter() {
    }

    /** A Prometheus rule file. */
    public static String write(GeneratedRuleFile file) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        putGroups(root, file);
        return yaml(root);
    }

    /**
     * A Kubernetes {@code PrometheusRule} object (prometheus-operator's {@code monitoring.coreos.com/v1}) named
     * {@code sloc-<name>}, holding the file's groups.
     */
    public static String writePrometheusRule(String name, GeneratedRuleFile file, RuleOutput output) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("apiVersion", "monitoring.coreos.com/v1");
        root.put("kind", "PrometheusRule");
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("name", "sloc-" + name.toLowerCase(Locale.ROOT).replace('_', '-'));
        output.namespace().ifPresent(namespace -> metadata.put("namespace", namespace));
        putMap(metadata, "labels", output.objectLabels());
        putGroups(root.putObject("spec"), file);
        return yaml(root);
    }

    /** A Mimir or Cortex ruler namespace file, as {@code mimirtool rules load} and {@code sync} read it. */
    public static String writeRulerNamespace(String namespace, GeneratedRuleFile file) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("namespace", namespace);
        putGroups(root, file);
        return yaml(root);
    }

    private static void putGroups(ObjectNode parent, GeneratedRuleFile file) {
        ArrayNode groups = parent.putArray("groups");
        for (GeneratedRuleGroup group : file.groups()) {
            ObjectNode g = groups.addObject();
            g.put("name", group.name());
            putDuration(g, "interval", group.interval());
            ArrayNode rules = g.putArray("rules");
            group.rules().forEach(rule -> rules.add(rule(rule, JsonNodeFactory.instance)));
        }
    }

    private static String yaml(ObjectNode root) {
        return GeneratedYaml.writeWithLiteralBlocks(root);
    }

    private static ObjectNode rule(GeneratedRule rule, JsonNodeFactory nodes) {
        ObjectNode node = nodes.objectNode();
        if (rule instanceof GeneratedRule.Recording recording) {
            node.put("record", recording.record());
            node.put("expr", block(recording.expr()));
        } else {
            GeneratedRule.Alerting alerting = (GeneratedRule.Alerting) rule;
            node.put("alert", alerting.alert());
            node.put("expr", block(alerting.expr()));
            putDuration(node, "for", alerting.forDuration());
            putDuration(node, "keep_firing_for", alerting.keepFiringFor());
        }
        putMap(node, "labels", rule.labels());
        if (rule instanceof GeneratedRule.Alerting alerting) {
            putMap(node, "annotations", alerting.annotations());
        }
        return node;
    }

    /** A final newline makes every expression a {@code |} literal block: no escaped quotes, one look for all. */
    private static String block(String expr) {
        return expr + "\n";
    }

    private static void putDuration(ObjectNode node, String key, Duration duration) {
        if (!duration.isZero()) {
            node.put(key, WindowText.of(duration));
        }
    }

    private static void putMap(ObjectNode node, String key, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode child = node.putObject(key);
            map.forEach(child::put);
        }
    }
}
