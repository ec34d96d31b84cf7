package io.sloc.emit.grafana;

import io.sloc.model.Service;
import io.sloc.model.Spec;
import java.util.SortedMap;
import java.util.TreeMap;

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
public final class DashboardEmitter {
    public static final String DASHBOARDS_DIR = "grafana/dashboards/";

    public SortedMap<String, byte[]> files(Spec spec) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Service service : spec.services()) {
            files.put(DASHBOARDS_DIR + "service-" + service.name() + ".json",
                    DashboardJson.json(ServiceDashboard.build(service)));
        }
        files.put(DASHBOARDS_DIR + "overview.json", DashboardJson.json(OverviewDashboard.build(spec)));
        files.put("grafana/provisioning/dashboards/sloc.yaml", Provisioning.dashboardProvider());
        files.put("grafana/provisioning/datasources/prometheus.yaml", Provisioning.prometheusDatasource());
        return files;
    }
}
