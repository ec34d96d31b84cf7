package io.sloc.emit.grafana;

import io.sloc.emit.rules.RuleNames;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Firing alerts of a service's rules. Burn-rate alerts carry the naming's service label, the spec's plain alerts
 * sloc's {@code service} label whatever the naming: under Sloth's naming a query reads both.
 */
final class FiringAlerts {
    private FiringAlerts() {
    }

    /** {@code selector} applied to each service label, or-ed. */
    static String of(RuleNames names, Function<String, String> selector) {
        return Stream.of(names.serviceLabel(), RuleNames.SLOC.serviceLabel()).distinct().map(selector)
                .collect(Collectors.joining(" or "));
    }
}
