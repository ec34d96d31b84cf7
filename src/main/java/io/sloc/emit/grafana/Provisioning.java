package io.sloc.emit.grafana;

import java.util.List;
import java.util.Map;

/**
 * Grafana's file provisioning, so that a Grafana started with {@code generated/grafana/provisioning} as its
 * provisioning directory and {@code generated/grafana/dashboards} mounted at {@link #DASHBOARDS_PATH} loads the
 * Prometheus datasource and every generated dashboard, and reloads them when they change.
 */
public final class Provisioning {
    /** Where the dashboards folder is mounted inside Grafana (the official image's data directory). */
    public static final String DASHBOARDS_PATH = "/var/lib/grafana/dashboards/sloc";
    /** The provisioned datasource's uid, which the dashboards' datasource variable defaults to. */
    public static final String DATASOURCE_UID = "prometheus";
    public static final String DATASOURCE_NAME = "Prometheus";
    /** The Prometheus of the Hatago monitoring stack (its docker-compose service name). */
    public static final String PROMETHEUS_URL = "http://prometheus:9090";
    public static final String FOLDER = "SLOs";

    private Provisioning() {
    }

    record DashboardProviders(int apiVersion, List<Provider> providers) {
    }

    record Provider(String name, int orgId, String folder, String type, boolean disableDeletion,
                    boolean allowUiUpdates, int updateIntervalSeconds, Map<String, Object> options) {
    }

    record Datasources(int apiVersion, List<Datasource> datasources) {
    }

    record Datasource(String name, String type, String uid, String access, String url, boolean isDefault,
                      boolean editable, Map<String, String> jsonData) {
    }

    /** Provisioned dashboards are read-only in the UI: edits belong in the specs, not in Grafana. */
    static byte[] dashboardProvider() {
        return DashboardJson.yaml(new DashboardProviders(1, List.of(new Provider("sloc", 1, FOLDER, "file", false,
                false, 30, Map.of("path", DASHBOARDS_PATH, "foldersFromFilesStructure", false)))));
    }

    static byte[] prometheusDatasource() {
        return DashboardJson.yaml(new Datasources(1, List.of(new Datasource(DATASOURCE_NAME, "prometheus",
                DATASOURCE_UID, "proxy", PROMETHEUS_URL, true, false, Map.of("httpMethod", "POST")))));
    }
}
