package io.sloc.compiler.validation;

import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.PrometheusNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * At most one {@code prometheus} block across all spec files; its durations, label names, scrape jobs and
 * {@code host:port} addresses are what Prometheus accepts.
 */
public final class PrometheusSetupValid implements SemanticRule {
    static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._-]+:[0-9]{1,5}");

    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        List<PrometheusNode> blocks = spec.prometheus();
        if (blocks.size() > 1) {
            diagnostics.error(blocks.get(1).location(), "a second prometheus block (the first is at "
                    + blocks.get(0).location() + "); the stack has one Prometheus server: merge them");
        }
        for (PrometheusNode prometheus : blocks) {
            positive(prometheus.scrapeInterval(), diagnostics);
            positive(prometheus.evaluationInterval(), diagnostics);
            positive(prometheus.retention(), diagnostics);
            LabelNamesValid.names("external label", prometheus.externalLabels(), diagnostics);
            prometheus.alertmanagers().forEach(address -> hostPort(address, diagnostics));
            Map<String, Located<String>> jobs = new HashMap<>();
            for (PrometheusNode.Scrape scrape : prometheus.scrapes()) {
                Located<String> first = jobs.putIfAbsent(scrape.job().value(), scrape.job());
                if (first != null) {
                    diagnostics.error(scrape.job().location(), "duplicate scrape job '" + scrape.job().value()
                            + "' (first declared at " + first.location() + "); rename one");
                }
                if (scrape.targets().isEmpty()) {
                    diagnostics.error(scrape.location(), "scrape job '" + scrape.job().value()
                            + "' has no targets; add e.g.: targets (\"hatago:8787\")");
                }
                scrape.targets().forEach(target -> hostPort(target, diagnostics));
                if (scrape.metricsPath() != null && !scrape.metricsPath().value().startsWith("/")) {
                    diagnostics.error(scrape.metricsPath().location(), "metrics_path must start with '/' (e.g. "
                            + "\"/metrics\")");
                }
                positive(scrape.interval(), diagnostics);
            }
        }
    }

    private static void positive(Located<String> duration, Diagnostics diagnostics) {
        if (duration != null && Values.duration(duration).isZero()) {
            diagnostics.error(duration.location(), "'" + duration.value() + "' is zero; give a positive duration");
        }
    }

    private static void hostPort(Located<String> address, Diagnostics diagnostics) {
        if (!HOST_PORT.matcher(address.value()).matches()) {
            diagnostics.error(address.location(), "'" + address.value() + "' is not a host:port address (e.g. "
                    + "\"hatago:8787\")");
        }
    }
}
