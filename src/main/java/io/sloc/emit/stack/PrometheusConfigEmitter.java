package io.sloc.emit.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.model.PrometheusSetup;
import io.sloc.model.Spec;
import io.sloc.model.WindowText;
import java.util.List;

/**
 * {@code prometheus/prometheus.yml}: the global intervals and external labels, the generated rule files (found
 * relative to the config file, so the same file works in the repository and mounted in a container), the
 * Alertmanagers, and a scrape job per spec'd job. Retention is a command-line flag: the compose file sets it.
 */
public final class PrometheusConfigEmitter implements Emitter {
    static final String PATH = "prometheus/prometheus.yml";
    /** The generated rule files, seen from {@link #PATH}. */
    static final String RULE_FILES = "../rules/*.rules.yml";

    @Override
    public void emit(Spec spec, OutputTree out) {
        spec.prometheus().ifPresent(prometheus -> out.add(PATH, StackYaml.write(config(prometheus))));
    }

    private static ObjectNode config(PrometheusSetup prometheus) {
        ObjectNode root = StackYaml.object();
        ObjectNode global = root.putObject("global");
        global.put("scrape_interval", WindowText.of(prometheus.scrapeInterval()));
        global.put("evaluation_interval", WindowText.of(prometheus.evaluationInterval()));
        if (!prometheus.externalLabels().isEmpty()) {
            ObjectNode labels = global.putObject("external_labels");
            prometheus.externalLabels().forEach(labels::put);
        }
        StackYaml.strings(root, "rule_files", List.of(RULE_FILES));
        if (!prometheus.alertmanagers().isEmpty()) {
            ObjectNode alertmanager = root.putObject("alerting").putArray("alertmanagers").addObject();
            StackYaml.strings(alertmanager.putArray("static_configs").addObject(), "targets",
                    prometheus.alertmanagers());
        }
        var jobs = root.putArray("scrape_configs");
        for (PrometheusSetup.ScrapeJob job : prometheus.scrapeJobs()) {
            ObjectNode config = jobs.addObject();
            config.put("job_name", job.job());
            job.interval().ifPresent(interval -> config.put("scrape_interval", WindowText.of(interval)));
            config.put("metrics_path", job.metricsPath());
            StackYaml.strings(config.putArray("static_configs").addObject(), "targets", job.targets());
        }
        return root;
    }
}
