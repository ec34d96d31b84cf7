package io.sloc.emit.grafana;

import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.emit.PerService;
import io.sloc.emit.rules.RuleNames;
import io.sloc.model.Spec;

/**
 * Writes the Grafana side of a compile: one dashboard per service, the overview dashboard, and the provisioning
 * files that make a Grafana load them. Paths are relative to the output directory:
 * <pre>
 * grafana/dashboards/overview.json
 * grafana/dashboards/service-&lt;name&gt;.json
 * grafana/provisioning/dashboards/sloc.yaml
 * grafana/provisioning/datasources/prometheus.yaml
 * </pre>
 */
public final class DashboardEmitter implements Emitter {
    public static final String DASHBOARDS_DIR = "grafana/dashboards/";

    private final RuleNames names;

    /** Dashboards that read the series named as {@code names} says. */
    public DashboardEmitter(RuleNames names) {
        this.names = names;
    }

    @Override
    public void emit(Spec spec, OutputTree out) {
        PerService.emit(spec, out, (service, files) -> files.add(DASHBOARDS_DIR + "service-" + service.name()
                + ".json", DashboardJson.json(ServiceDashboard.build(names, service))));
        out.add(DASHBOARDS_DIR + "overview.json", DashboardJson.json(OverviewDashboard.build(names, spec)));
        out.add("grafana/provisioning/dashboards/sloc.yaml", Provisioning.dashboardProvider());
        out.add("grafana/provisioning/datasources/prometheus.yaml", Provisioning.prometheusDatasource());
    }
}
