package io.sloc.dsl.ast;

import java.util.List;

/** One parsed spec file. {@code source} is the name used in locations (normally the path). */
public record SpecFile(String source, List<Located<String>> imports, List<ServiceNode> services,
                       List<PolicyNode> policies, List<RunbookNode> runbooks, List<PrometheusNode> prometheus,
                       List<AlertmanagerNode> alertmanagers) {
    public SpecFile {
        imports = List.copyOf(imports);
        services = List.copyOf(services);
        policies = List.copyOf(policies);
        runbooks = List.copyOf(runbooks);
        prometheus = List.copyOf(prometheus);
        alertmanagers = List.copyOf(alertmanagers);
    }
}
