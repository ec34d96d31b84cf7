package io.sloc.compiler.validation;

import io.sloc.diag.DidYouMean;
import io.sloc.dsl.ast.AlertmanagerNode;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.Pair;
import io.sloc.model.IntegrationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * At most one {@code alertmanager} block across all spec files, with one root route that names a receiver; routes
 * name declared receivers; each integration is a kind Alertmanager 0.25 has, with settings it reads, and never an
 * inline secret; inhibition rules say what mutes what.
 */
public final class AlertmanagerSetupValid implements SemanticRule {
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        List<AlertmanagerNode> blocks = spec.alertmanagers();
        if (blocks.size() > 1) {
            diagnostics.error(blocks.get(1).location(), "a second alertmanager block (the first is at "
                    + blocks.get(0).location() + "); the stack has one Alertmanager configuration: merge them");
        }
        for (AlertmanagerNode alertmanager : blocks) {
            Map<String, AlertmanagerNode.Receiver> receivers = receivers(alertmanager, diagnostics);
            if (alertmanager.routes().size() != 1) {
                diagnostics.error(alertmanager.routes().isEmpty() ? alertmanager.location()
                        : alertmanager.routes().get(1).location(), "an alertmanager block has exactly one root "
                        + "route, which catches every alert: route { receiver NAME ... route { match { ... } ... } }");
            }
            AlertmanagerNode.Route root = alertmanager.routes().get(0);
            if (root.receiver() == null) {
                diagnostics.error(root.location(), "the root route needs a receiver: it takes every alert no "
                        + "child route matches; add e.g.: receiver " + receivers.keySet().stream().sorted()
                        .findFirst().orElse("default"));
            }
            if (!root.matchers().isEmpty()) {
                diagnostics.error(root.matchers().get(0).location(), "the root route matches every alert: move "
                        + "`match` into a child route");
            }
            route(root, receivers, diagnostics);
            alertmanager.inhibits().forEach(inhibit -> inhibit(inhibit, diagnostics));
        }
    }

    private static Map<String, AlertmanagerNode.Receiver> receivers(AlertmanagerNode alertmanager,
                                                                    Diagnostics diagnostics) {
        if (alertmanager.receivers().isEmpty()) {
            diagnostics.error(alertmanager.location(), "the alertmanager block has no receiver; add e.g.: "
                    + "receiver oncall { webhook { url: \"http://alert-hook:8080/\" } }");
        }
        Map<String, AlertmanagerNode.Receiver> byName = new HashMap<>();
        for (AlertmanagerNode.Receiver receiver : alertmanager.receivers()) {
            AlertmanagerNode.Receiver first = byName.putIfAbsent(receiver.name().value(), receiver);
            if (first != null) {
                diagnostics.error(receiver.name().location(), "duplicate receiver name '" + receiver.name().value()
                        + "' (first declared at " + first.location() + "); rename one");
            }
            receiver.integrations().forEach(integration -> integration(integration, diagnostics));
        }
        return byName;
    }

    private static void integration(AlertmanagerNode.Integration integration, Diagnostics diagnostics) {
        Located<String> kindName = integration.kind();
        IntegrationKind kind = IntegrationKind.forSpecName(kindName.value()).orElse(null);
        if (kind == null) {
            List<String> kinds = Arrays.stream(IntegrationKind.values()).map(IntegrationKind::specName).toList();
            diagnostics.error(kindName.location(), "unknown integration '" + kindName.value() + "'"
                    + DidYouMean.hint(kindName.value(), kinds) + "; use one of: " + String.join(", ", kinds));
            return;
        }
        Map<String, Pair> settings = integration.settings().stream()
                .collect(Collectors.toMap(p -> p.name().value(), Function.identity()));
        for (Pair setting : integration.settings()) {
            setting(kind, setting, diagnostics);
        }
        for (String required : kind.required()) {
            if (!settings.containsKey(required)) {
                diagnostics.error(integration.location(), kind.specName() + " needs " + required + ": add e.g. "
                        + required + ": \"" + example(kind.setting(required).orElseThrow()) + "\"");
            }
        }
    }

    private static void setting(IntegrationKind kind, Pair setting, Diagnostics diagnostics) {
        String name = setting.name().value();
        String value = setting.value();
        kind.fileInsteadOf(name).ifPresent(file -> diagnostics.error(setting.name().location(), "inline secret: "
                + kind.specName() + " " + name + " would be written into alertmanager.yml and committed; put it in "
                + "a file and give its path: " + file + ": \"/run/secrets/...\""));
        IntegrationKind.Setting type = kind.setting(name).orElse(null);
        if (type == null) {
            List<String> known = new ArrayList<>(kind.settingNames());
            known.add(IntegrationKind.SEND_RESOLVED);
            diagnostics.error(setting.name().location(), "unknown " + kind.specName() + " setting '" + name + "'"
                    + DidYouMean.hint(name, known) + "; " + kind.specName() + " takes: "
                    + known.stream().sorted().collect(Collectors.joining(", ")));
            return;
        }
        boolean valid = switch (type) {
            case BOOLEAN -> Set.of("true", "false").contains(value);
            case COUNT -> COUNT.matcher(value).matches();
            case URL -> value.startsWith("http://") || value.startsWith("https://");
            case FILE, TEXT -> !value.isBlank();
        };
        if (!valid) {
            diagnostics.error(setting.location(), kind.specName() + " " + name + " '" + value + "' is not "
                    + describe(type) + " (e.g. \"" + example(type) + "\")");
        }
    }

    private static void route(AlertmanagerNode.Route route, Map<String, AlertmanagerNode.Receiver> receivers,
                              Diagnostics diagnostics) {
        if (route.receiver() != null && !receivers.containsKey(route.receiver().value())) {
            diagnostics.error(route.receiver().location(), "unknown receiver '" + route.receiver().value() + "'"
                    + DidYouMean.hint(route.receiver().value(), receivers.keySet()) + "; declared: "
                    + receivers.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        LabelNamesValid.names("matcher label", route.matchers(), diagnostics);
        route.groupBy().forEach(label -> LabelNamesValid.validName("group_by label", label, diagnostics));
        for (Located<String> duration : Stream.of(route.groupWait(), route.groupInterval(), route.repeatInterval())
                .filter(Objects::nonNull).toList()) {
            if (Values.duration(duration).isZero()) {
                diagnostics.error(duration.location(), "'" + duration.value() + "' is zero; give a positive "
                        + "duration");
            }
        }
        route.routes().forEach(child -> route(child, receivers, diagnostics));
    }

    private static void inhibit(AlertmanagerNode.Inhibit inhibit, Diagnostics diagnostics) {
        if (inhibit.source().isEmpty() || inhibit.target().isEmpty()) {
            diagnostics.error(inhibit.location(), "an inhibition needs both the alerts that mute (source { ... }) "
                    + "and the alerts they mute (target { ... })");
        }
        LabelNamesValid.names("source label", inhibit.source(), diagnostics);
        LabelNamesValid.names("target label", inhibit.target(), diagnostics);
        inhibit.equal().forEach(label -> LabelNamesValid.validName("equal label", label, diagnostics));
    }

    private static String describe(IntegrationKind.Setting type) {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case COUNT -> "a whole number";
            case URL -> "an http:// or https:// URL";
            case FILE -> "a file path";
            case TEXT -> "text";
        };
    }

    private static String example(IntegrationKind.Setting type) {
        return switch (type) {
            case BOOLEAN -> "true";
            case COUNT -> "10";
            case URL -> "http://alert-hook:8080/";
            case FILE -> "/run/secrets/...";
            case TEXT -> "...";
        };
    }
}
