package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/**
 * {@code prometheus { retention 30d scrape hatago { targets ("hatago:8787") } ... }}: the Prometheus server that
 * scrapes the services and loads the rules; absent fields are null.
 */
public record PrometheusNode(Located<String> scrapeInterval, Located<String> evaluationInterval,
                             Located<String> retention, List<Pair> externalLabels,
                             List<Located<String>> alertmanagers, List<Scrape> scrapes, SourceLocation location) {
    public PrometheusNode {
        externalLabels = List.copyOf(externalLabels);
        alertmanagers = List.copyOf(alertmanagers);
        scrapes = List.copyOf(scrapes);
    }

    /** {@code scrape JOB { targets ("host:port") metrics_path "/metrics" interval 15s }}. */
    public record Scrape(Located<String> job, List<Located<String>> targets, Located<String> metricsPath,
                         Located<String> interval, SourceLocation location) {
        public Scrape {
            targets = List.copyOf(targets);
        }
    }
}
