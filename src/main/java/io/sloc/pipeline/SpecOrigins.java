package io.sloc.pipeline;

import io.sloc.check.RuleOrigins;
import io.sloc.diag.SourceLocation;
import io.sloc.emit.rules.RuleNames;
import io.sloc.emit.rules.RulesEmitter;
import io.sloc.model.AlertRule;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spec positions of the rules {@code sloc compile} generates: an SLO's groups come from its {@code slo} block,
 * each plain alert from its {@code alert} block.
 */
final class SpecOrigins implements RuleOrigins {
    private record Group(String file, String name) {
    }

    /** Per group: where its rules come from, unless {@code byRule} names a rule's own origin. */
    private record Origin(SourceLocation whole, Map<String, SourceLocation> byRule) {
    }

    private final Map<Group, Origin> groups = new HashMap<>();

    /** Adds the rules compiled from {@code spec} into output directory {@code generated}. */
    void add(Spec spec, Path generated) {
        for (Service service : spec.services()) {
            String file = key(generated.resolve(RulesEmitter.path(service)));
            for (Slo slo : service.slos()) {
                Origin origin = new Origin(slo.location(), Map.of());
                groups.put(new Group(file, RuleNames.sloGroup(service, slo)), origin);
                groups.put(new Group(file, RuleNames.periodGroup(service, slo)), origin);
            }
            Map<String, SourceLocation> alerts = new HashMap<>();
            for (AlertRule alert : service.alerts()) {
                alerts.putIfAbsent(alert.name(), alert.location());
            }
            groups.put(new Group(file, RuleNames.alertGroup(service)), new Origin(service.location(), alerts));
        }
    }

    @Override
    public Optional<SourceLocation> of(String file, String group, String rule) {
        Origin origin = groups.get(new Group(key(Path.of(file)), group));
        return origin == null ? Optional.empty() : Optional.of(origin.byRule().getOrDefault(rule, origin.whole()));
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
