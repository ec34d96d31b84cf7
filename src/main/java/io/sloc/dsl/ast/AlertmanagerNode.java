package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/** {@code alertmanager { receiver ... route { ... } inhibit { ... } }}: where alerts go, and which silence which. */
public record AlertmanagerNode(List<Receiver> receivers, List<Route> routes, List<Inhibit> inhibits,
                               SourceLocation location) {
    public AlertmanagerNode {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        inhibits = List.copyOf(inhibits);
    }

    /** {@code receiver NAME { webhook { url: "..." } ... }}. */
    public record Receiver(Located<String> name, List<Integration> integrations, SourceLocation location) {
        public Receiver {
            integrations = List.copyOf(integrations);
        }
    }

    /** {@code KIND { setting: "value" ... }}, e.g. {@code slack { api_url_file: "..." channel: "#ops" }}. */
    public record Integration(Located<String> kind, List<Pair> settings, SourceLocation location) {
        public Integration {
            settings = List.copyOf(settings);
        }
    }

    /** {@code route { match { severity: "critical" } receiver NAME ... route { ... } }}; absent fields are null. */
    public record Route(List<Pair> matchers, Located<String> receiver, List<Located<String>> groupBy,
                        Located<String> groupWait, Located<String> groupInterval, Located<String> repeatInterval,
                        List<Route> routes, SourceLocation location) {
        public Route {
            matchers = List.copyOf(matchers);
            groupBy = List.copyOf(groupBy);
            routes = List.copyOf(routes);
        }
    }

    /** {@code inhibit { source { ... } target { ... } equal (service, slo) }}. */
    public record Inhibit(List<Pair> source, List<Pair> target, List<Located<String>> equal,
                          SourceLocation location) {
        public Inhibit {
            source = List.copyOf(source);
            target = List.copyOf(target);
            equal = List.copyOf(equal);
        }
    }
}
