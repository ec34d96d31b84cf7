package io.sloc.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything one compile produced: services sorted by name, the runbooks they link to, sorted by name, and the
 * monitoring stack (Prometheus server, Alertmanager routing) when the specs describe one.
 */
public record Spec(List<Service> services, List<Runbook> runbooks, Optional<PrometheusSetup> prometheus,
                   Optional<AlertmanagerSetup> alertmanager) {
    public Spec {
        services = List.copyOf(services);
        runbooks = List.copyOf(runbooks);
    }
}
