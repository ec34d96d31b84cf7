package io.sloc.model;

import java.util.List;

/** Everything one compile produced: services sorted by name, and the runbooks they link to, sorted by name. */
public record Spec(List<Service> services, List<Runbook> runbooks) {
    public Spec {
        services = List.copyOf(services);
        runbooks = List.copyOf(runbooks);
    }
}
