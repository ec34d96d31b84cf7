package io.sloc.emit.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.model.AlertmanagerSetup;
import io.sloc.model.IntegrationKind;
import io.sloc.model.Spec;
import io.sloc.model.WindowText;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code alertmanager/alertmanager.yml} for Alertmanager 0.25 (the route tree, inhibition rules and receivers) and
 * {@code alertmanager/templates/sloc.tmpl}, the notification texts it uses unless a receiver sets its own.
 */
public final class AlertmanagerConfigEmitter implements Emitter {
    static final String PATH = "alertmanager/alertmanager.yml";
    /** The templates, seen from {@link #PATH}. */
    static final String TEMPLATES = "templates/*.tmpl";
    private static final String TITLE = "{{ template \"sloc.title\" . }}";
    private static final String TEXT = "{{ template \"sloc.text\" . }}";

    @Override
    public void emit(Spec spec, OutputTree out) {
        spec.alertmanager().ifPresent(alertmanager -> {
            out.add(PATH, StackYaml.write(config(alertmanager)));
            out.add("alertmanager/" + NotificationTemplate.PATH, NotificationTemplate.text());
        });
    }

    private static ObjectNode config(AlertmanagerSetup alertmanager) {
        ObjectNode root = StackYaml.object();
        root.set("route", route(alertmanager.route()));
        if (!alertmanager.inhibitRules().isEmpty()) {
            ArrayNode rules = root.putArray("inhibit_rules");
            for (AlertmanagerSetup.InhibitRule inhibit : alertmanager.inhibitRules()) {
                ObjectNode rule = rules.addObject();
                StackYaml.strings(rule, "source_matchers", matchers(inhibit.source()));
                StackYaml.strings(rule, "target_matchers", matchers(inhibit.target()));
                if (!inhibit.equal().isEmpty()) {
                    StackYaml.strings(rule, "equal", inhibit.equal());
                }
            }
        }
        ArrayNode receivers = root.putArray("receivers");
        alertmanager.receivers().forEach(receiver -> receivers.add(receiver(receiver)));
        StackYaml.strings(root, "templates", List.of(TEMPLATES));
        return root;
    }

    private static ObjectNode route(AlertmanagerSetup.Route route) {
        ObjectNode node = StackYaml.object();
        route.receiver().ifPresent(receiver -> node.put("receiver", receiver));
        if (!route.matchers().isEmpty()) {
            StackYaml.strings(node, "matchers", matchers(route.matchers()));
        }
        if (!route.groupBy().isEmpty()) {
            StackYaml.strings(node, "group_by", route.groupBy());
        }
        route.groupWait().ifPresent(d -> node.put("group_wait", WindowText.of(d)));
        route.groupInterval().ifPresent(d -> node.put("group_interval", WindowText.of(d)));
        route.repeatInterval().ifPresent(d -> node.put("repeat_interval", WindowText.of(d)));
        if (!route.routes().isEmpty()) {
            ArrayNode children = node.putArray("routes");
            route.routes().forEach(child -> children.add(route(child)));
        }
        return node;
    }

    /** Equality matchers in Alertmanager's {@code name="value"} syntax, the value escaped as a Go string. */
    private static List<String> matchers(SortedMap<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=\""
                + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"").toList();
    }

    private static ObjectNode receiver(AlertmanagerSetup.Receiver receiver) {
        ObjectNode node = StackYaml.object();
        node.put("name", receiver.name());
        for (AlertmanagerSetup.Integration integration : receiver.integrations()) {
            ArrayNode configs = node.has(configsKey(integration.kind()))
                    ? (ArrayNode) node.get(configsKey(integration.kind()))
                    : node.putArray(configsKey(integration.kind()));
            configs.add(integration(integration));
        }
        return node;
    }

    private static String configsKey(IntegrationKind kind) {
        return switch (kind) {
            case WEBHOOK -> "webhook_configs";
            case EMAIL -> "email_configs";
            case SLACK, DISCORD -> "slack_configs";
            case PAGERDUTY -> "pagerduty_configs";
        };
    }

    private static ObjectNode integration(AlertmanagerSetup.Integration integration) {
        IntegrationKind kind = integration.kind();
        SortedMap<String, String> settings = new TreeMap<>(defaults(kind));
        settings.putAll(integration.settings());
        ObjectNode node = StackYaml.object();
        settings.forEach((name, value) -> {
            String key = kind == IntegrationKind.DISCORD && name.equals("webhook_url_file") ? "api_url_file" : name;
            switch (kind.setting(name).orElseThrow()) {
                case BOOLEAN -> node.put(key, Boolean.parseBoolean(value));
                case COUNT -> node.put(key, Long.parseLong(value));
                default -> node.put(key, value);
            }
        });
        return node;
    }

    /** The texts a receiver gets unless it sets its own: the SLO, its budget figures and the runbook link. */
    private static Map<String, String> defaults(IntegrationKind kind) {
        return switch (kind) {
            case SLACK, DISCORD -> Map.of("title", TITLE, "text", TEXT);
            case EMAIL -> Map.of("text", TEXT);
            case PAGERDUTY -> Map.of("description", TITLE);
            case WEBHOOK -> Map.of();
        };
    }
}
