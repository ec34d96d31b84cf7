package io.sloc.dsl.ast;

import java.util.List;

/**
 * One parsed spec file. {@code source} is the name used in locations (normally the path); {@code warnings} are
 * what a reader of another tool's format has to say about how it read the file, each located in it.
 */
public record SpecFile(String source, List<Located<String>> imports, List<ServiceNode> services,
                       List<PolicyNode> policies, List<RunbookNode> runbooks, List<PrometheusNode> prometheus,
                       List<AlertmanagerNode> alertmanagers, List<Located<String>> warnings) {
    public SpecFile(String source, List<Located<String>> imports, List<ServiceNode> services,
                    List<PolicyNode> policies, List<RunbookNode> runbooks, List<PrometheusNode> prometheus,
                    List<AlertmanagerNode> alertmanagers) {
        this(source, imports, services, policies, runbooks, prometheus, alertmanagers, List.of());
    }

    public SpecFile {
        imports = List.copyOf(imports);
        services = List.copyOf(services);
        policies = List.copyOf(policies);
        runbooks = List.copyOf(runbooks);
        prometheus = List.copyOf(prometheus);
        alertmanagers = List.copyOf(alertmanagers);
        warnings = List.copyOf(warnings);
    }
}
