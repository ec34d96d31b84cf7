package io.sloc.model;

import io.sloc.diag.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Alertmanager's routing: the receivers, the route tree (its root catches every alert), and the inhibition rules.
 */
public record AlertmanagerSetup(List<Receiver> receivers, Route route, List<InhibitRule> inhibitRules,
                                SourceLocation location) {
    public AlertmanagerSetup {
        receivers = List.copyOf(receivers);
        inhibitRules = List.copyOf(inhibitRules);
    }

    /** A named receiver and the integrations it notifies. */
    public record Receiver(String name, List<Integration> integrations, SourceLocation location) {
        public Receiver {
            integrations = List.copyOf(integrations);
        }
    }

    /** One integration of a receiver, its settings as written (secrets only as file references). */
    public record Integration(IntegrationKind kind, SortedMap<String, String> settings) {
        public Integration {
            settings = Maps.sorted(settings);
        }
    }

    /**
     * A node of the route tree: alerts whose labels equal every matcher go to the first child that takes them, or
     * to this node's receiver (inherited from the parent when empty). Timings inherit likewise.
     */
    public record Route(SortedMap<String, String> matchers, Optional<String> receiver, List<String> groupBy,
                        Optional<Duration> groupWait, Optional<Duration> groupInterval,
                        Optional<Duration> repeatInterval, List<Route> routes, SourceLocation location) {
        public Route {
            matchers = Maps.sorted(matchers);
            groupBy = List.copyOf(groupBy);
            routes = List.copyOf(routes);
        }

        /** Whether an alert with these labels enters this route (a missing label is the empty value). */
        public boolean matches(Map<String, String> labels) {
            return matchers.entrySet().stream()
                    .allMatch(m -> labels.getOrDefault(m.getKey(), "").equals(m.getValue()));
        }
    }

    /** While an alert matching {@code source} fires, alerts matching {@code target} with the same {@code equal} labels are muted. */
    public record InhibitRule(SortedMap<String, String> source, SortedMap<String, String> target, List<String> equal) {
        public InhibitRule {
            source = Maps.sorted(source);
            target = Maps.sorted(target);
            equal = List.copyOf(equal);
        }
    }
}
