package io.sloc.model;

import io.sloc.diag.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The Prometheus server of the monitoring stack: what it scrapes, how often it evaluates the rules, where it sends
 * alerts and how long it keeps samples.
 *
 * @param retention          as written; empty means Prometheus's own default ({@link #DEFAULT_RETENTION})
 * @param retentionLocation  the {@code retention} line, or the {@code prometheus} block when it has none
 * @param alertmanagers      {@code host:port} of each Alertmanager
 */
public record PrometheusSetup(Duration scrapeInterval, Duration evaluationInterval, Optional<Duration> retention,
                              SourceLocation retentionLocation, SortedMap<String, String> externalLabels,
                              List<String> alertmanagers, List<ScrapeJob> scrapeJobs, SourceLocation location) {
    /** What {@code --storage.tsdb.retention.time} defaults to. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(15);

    public PrometheusSetup {
        externalLabels = Maps.sorted(externalLabels);
        alertmanagers = List.copyOf(alertmanagers);
        scrapeJobs = List.copyOf(scrapeJobs);
    }

    /** How long samples are kept: as written, or Prometheus's default. */
    public Duration effectiveRetention() {
        return retention.orElse(DEFAULT_RETENTION);
    }

    /** One {@code scrape_configs} entry; {@code interval} empty means the global scrape interval. */
    public record ScrapeJob(String job, List<String> targets, String metricsPath, Optional<Duration> interval) {
        public ScrapeJob {
            targets = List.copyOf(targets);
        }
    }
}
