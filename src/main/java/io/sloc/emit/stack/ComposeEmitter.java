package io.sloc.emit.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.emit.grafana.Provisioning;
import io.sloc.model.AlertmanagerSetup;
import io.sloc.model.IntegrationKind;
import io.sloc.model.PrometheusSetup;
import io.sloc.model.Spec;
import io.sloc.model.WindowText;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code docker-compose.monitoring.yml} beside the generated files: Prometheus (with the retention flag), Alertmanager
 * when the specs route alerts, and Grafana with the provisioning and dashboards. Generated files are mounted
 * read-only, data lives in named volumes, and each secret file a receiver reads under {@code /run/secrets/} is a
 * compose secret read from {@code secrets/} next to the compose file.
 */
public final class ComposeEmitter implements Emitter {
    static final String PATH = "docker-compose.monitoring.yml";
    /** Where the generated directory's parts are mounted in the containers. */
    private static final String MOUNTS = "/etc/sloc/";
    private static final String SECRETS = "/run/secrets/";
    /** Ports are published on the host's loopback only: the stack has no authentication of its own. */
    private static final String LOOPBACK = "127.0.0.1:";

    private final String prometheusVersion;

    /** @param prometheusVersion the Prometheus version the output is for, e.g. "3.14" */
    public ComposeEmitter(String prometheusVersion) {
        this.prometheusVersion = prometheusVersion;
    }

    @Override
    public void emit(Spec spec, OutputTree out) {
        spec.prometheus().ifPresent(prometheus -> out.add(PATH, StackYaml.write(compose(prometheus, spec))));
    }

    private ObjectNode compose(PrometheusSetup prometheus, Spec spec) {
        ObjectNode root = StackYaml.object();
        ObjectNode services = root.putObject("services");
        ObjectNode server = service(services, "prometheus", "prom/prometheus:v" + prometheusVersion + ".0", 9090);
        StackYaml.strings(server, "command", List.of(
                "--config.file=" + MOUNTS + PrometheusConfigEmitter.PATH,
                "--storage.tsdb.path=/prometheus",
                "--storage.tsdb.retention.time=" + WindowText.of(prometheus.effectiveRetention())));
        StackYaml.strings(server, "volumes", List.of("./prometheus:" + MOUNTS + "prometheus:ro",
                "./rules:" + MOUNTS + "rules:ro", "prometheus-data:/prometheus"));
        StackYaml.strings(server, "extra_hosts", List.of("host.docker.internal:host-gateway"));
        SortedSet<String> secrets = new TreeSet<>();
        spec.alertmanager().ifPresent(alertmanager -> {
            ObjectNode node = service(services, "alertmanager", "prom/alertmanager:v0.25.0", 9093);
            StackYaml.strings(node, "command", List.of(
                    "--config.file=" + MOUNTS + AlertmanagerConfigEmitter.PATH, "--storage.path=/alertmanager"));
            StackYaml.strings(node, "volumes", List.of("./alertmanager:" + MOUNTS + "alertmanager:ro",
                    "alertmanager-data:/alertmanager"));
            secrets.addAll(secretFiles(alertmanager));
            if (!secrets.isEmpty()) {
                StackYaml.strings(node, "secrets", secrets);
            }
        });
        ObjectNode grafana = service(services, "grafana", "grafana/grafana:12.3.0", 3000);
        StackYaml.strings(grafana, "volumes", List.of("./grafana/provisioning:/etc/grafana/provisioning:ro",
                "./grafana/dashboards:" + Provisioning.DASHBOARDS_PATH + ":ro", "grafana-data:/var/lib/grafana"));
        StackYaml.strings(grafana, "depends_on", List.of("prometheus"));
        ObjectNode volumes = root.putObject("volumes");
        for (String volume : spec.alertmanager().isPresent()
                ? List.of("prometheus-data", "alertmanager-data", "grafana-data")
                : List.of("prometheus-data", "grafana-data")) {
            volumes.putObject(volume);
        }
        if (!secrets.isEmpty()) {
            ObjectNode files = root.putObject("secrets");
            secrets.forEach(name -> files.putObject(name).put("file", "./secrets/" + name));
        }
        return root;
    }

    private static ObjectNode service(ObjectNode services, String name, String image, int port) {
        ObjectNode service = services.putObject(name);
        service.put("image", image);
        service.put("restart", "unless-stopped");
        StackYaml.strings(service, "ports", List.of(LOOPBACK + port + ":" + port));
        return service;
    }

    /** The names of the secret files the receivers read from {@code /run/secrets/}. */
    private static SortedSet<String> secretFiles(AlertmanagerSetup alertmanager) {
        SortedSet<String> names = new TreeSet<>();
        for (AlertmanagerSetup.Receiver receiver : alertmanager.receivers()) {
            for (AlertmanagerSetup.Integration integration : receiver.integrations()) {
                integration.settings().forEach((setting, value) -> {
                    if (integration.kind().setting(setting).orElseThrow() == IntegrationKind.Setting.FILE
                            && value.startsWith(SECRETS) && value.indexOf('/', SECRETS.length()) < 0) {
                        names.add(value.substring(SECRETS.length()));
                    }
                });
            }
        }
        return names;
    }
}
