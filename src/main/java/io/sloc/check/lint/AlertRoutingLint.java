package io.sloc.check.lint;

import io.sloc.diag.Diagnostic;
import io.sloc.model.AlertmanagerSetup;
import io.sloc.model.Spec;
import io.sloc.rules.AlertingRule;
import io.sloc.rules.Rule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Alertmanager's routing against the alerts the rule files raise: a severity that no child route catches reaches
 * only the root's catch-all receiver (usually a sign of a misspelt matcher), and a receiver that no route names
 * never notifies anyone.
 */
public final class AlertRoutingLint implements Lint {
    @Override
    public String id() {
        return "alert-routing";
    }

    @Override
    public void check(LintContext context, Consumer<Diagnostic> report) {
        for (Spec spec : context.specs()) {
            spec.alertmanager().ifPresent(alertmanager -> {
                Map<String, String> external = spec.prometheus().map(p -> (Map<String, String>) p.externalLabels())
                        .orElse(Map.of());
                unroutedSeverities(context, alertmanager, external, report);
                unusedReceivers(alertmanager, report);
            });
        }
    }

    private void unroutedSeverities(LintContext context, AlertmanagerSetup alertmanager, Map<String, String> external,
                                    Consumer<Diagnostic> report) {
        if (alertmanager.route().routes().isEmpty()) {
            return;
        }
        Map<String, AlertingRule> firstUnrouted = new LinkedHashMap<>();
        for (Rule rule : context.rules()) {
            if (rule instanceof AlertingRule alert) {
                Map<String, String> labels = new TreeMap<>(external);
                labels.putAll(alert.labels());
                labels.put("alertname", alert.name());
                if (alertmanager.route().routes().stream().noneMatch(route -> route.matches(labels))) {
                    firstUnrouted.putIfAbsent(labels.getOrDefault("severity", ""), alert);
                }
            }
        }
        firstUnrouted.forEach((severity, alert) -> report.accept(Diagnostic.warning(id(), alert.location(),
                "alert " + alert.name() + (severity.isEmpty() ? " has no severity" : " (severity " + severity + ")")
                        + " matches no route: only the root's catch-all receiver '"
                        + alertmanager.route().receiver().orElseThrow() + "' gets it; add a route for it")));
    }

    private void unusedReceivers(AlertmanagerSetup alertmanager, Consumer<Diagnostic> report) {
        Set<String> named = receiversNamed(alertmanager.route()).collect(Collectors.toSet());
        for (AlertmanagerSetup.Receiver receiver : alertmanager.receivers()) {
            if (!named.contains(receiver.name())) {
                report.accept(Diagnostic.warning(id(), receiver.location(), "receiver '" + receiver.name()
                        + "' is named by no route, so it never notifies anyone; route alerts to it or remove it"));
            }
        }
    }

    private static Stream<String> receiversNamed(AlertmanagerSetup.Route route) {
        return Stream.concat(route.receiver().stream(),
                route.routes().stream().flatMap(AlertRoutingLint::receiversNamed));
    }
}
