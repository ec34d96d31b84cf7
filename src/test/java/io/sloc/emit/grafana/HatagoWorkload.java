package io.sloc.emit.grafana;

import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic Hatago metrics, scraped every minute: requests by route, method and status code; a latency histogram;
 * in-flight requests; plugin events, failures, circuit breakers and concurrency limiters; and {@code up}. Traffic
 * follows a daily wave; during {@link #incidentStartMs()} .. {@link #incidentEndMs()} 6% of requests fail and 1% are
 * throttled, latency grows, one instance is briefly down, and a plugin fails with its circuit breaker open, so that
 * burn-rate and threshold alerts fire.
 */
final class HatagoWorkload {
    static final long START_MS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final long SCRAPE_MS = 60_000L;
    static final long HOUR_MS = 3_600_000L;
    private static final List<String> ROUTES = List.of("/mcp", "/health");
    private static final List<String> METHODS = List.of("GET", "POST");
    private static final List<String> PLUGINS = List.of("github", "slack");
    private static final List<String> BUCKETS = List.of("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
            "0.25", "0.5", "1", "+Inf");

    private final long hours;

    HatagoWorkload(long hours) {
        this.hours = hours;
    }

    long endMs() {
        return START_MS + hours * HOUR_MS;
    }

    long incidentStartMs() {
        return endMs() - 5 * HOUR_MS;
    }

    long incidentEndMs() {
        return endMs() - 3 * HOUR_MS;
    }

    MemoryStorage storage() {
        Scraper scraper = new Scraper();
        for (long t = START_MS; t <= endMs(); t += SCRAPE_MS) {
            double wave = 1 + 0.5 * Math.sin(2 * Math.PI * (t - START_MS) / (24.0 * HOUR_MS));
            boolean incident = t >= incidentStartMs() && t < incidentEndMs();
            scraper.at(t);
            for (int r = 0; r < ROUTES.size(); r++) {
                requests(scraper, ROUTES.get(r), Math.round(600 * wave / (r + 1)), incident);
                latency(scraper, ROUTES.get(r), Math.round(1200 * wave / (r + 1)), incident);
            }
            scraper.gauge("hatago_inflight_requests", Math.round(20 * wave) + (incident ? 80 : 0));
            for (int p = 0; p < PLUGINS.size(); p++) {
                plugin(scraper, PLUGINS.get(p), wave, incident && p == 0, t);
            }
            boolean briefOutage = incident && t < incidentStartMs() + HOUR_MS / 6;
            scraper.gauge("up", 1, "job", "hatago", "instance", "hatago-0:8787");
            scraper.gauge("up", briefOutage ? 0 : 1, "job", "hatago", "instance", "hatago-1:8787");
        }
        return scraper.storage;
    }

    private static void requests(Scraper scraper, String route, double perMethod, boolean incident) {
        for (String method : METHODS) {
            double errors = Math.round(perMethod * (incident ? 0.06 : 0.0002));
            double notFound = Math.round(perMethod * 0.01);
            double throttled = incident ? Math.round(perMethod * 0.01) : 0;
            String name = "hatago_requests_total";
            scraper.counter(name, perMethod - errors - notFound - throttled, "route", route, "method", method, "code", "200");
            scraper.counter(name, notFound, "route", route, "method", method, "code", "404");
            scraper.counter(name, throttled, "route", route, "method", method, "code", "429");
            scraper.counter(name, errors, "route", route, "method", method, "code", "500");
        }
    }

    /** Normally all requests finish within 5ms; in the incident only about a third do. */
    private static void latency(Scraper scraper, String route, double observed, boolean incident) {
        double share = 0;
        for (int b = 0; b < BUCKETS.size(); b++) {
            share = Math.min(1, share + (incident ? 0.02 + 0.1 * b : 0.3 + 0.35 * b));
            double count = b == BUCKETS.size() - 1 ? observed : Math.round(observed * share);
            scraper.counter("hatago_request_duration_seconds_bucket", count, "route", route, "le", BUCKETS.get(b));
        }
        scraper.counter("hatago_request_duration_seconds_count", observed, "route", route);
        scraper.counter("hatago_request_duration_seconds_sum", observed * (incident ? 0.02 : 0.002), "route", route);
    }

    /** A failing plugin fails often and its breaker is open; healthy ones fail once every 90 minutes. */
    private static void plugin(Scraper scraper, String plugin, double wave, boolean failing, long t) {
        scraper.counter("hatago_plugin_events_total", Math.round(120 * wave), "plugin", plugin, "event", "request");
        scraper.counter("hatago_plugin_events_total", Math.round(60 * wave), "plugin", plugin, "event", "response");
        scraper.counter("hatago_plugin_failures_total", failing ? 30 : (t / SCRAPE_MS) % 90 == 0 ? 1 : 0,
                "plugin", plugin);
        scraper.gauge("hatago_circuit_breaker_state", failing ? 1 : 0, "plugin", plugin);
        scraper.gauge("hatago_concurrency_limiter_in_use", failing ? 10 : Math.round(3 * wave), "plugin", plugin);
        scraper.gauge("hatago_concurrency_limiter_limit", 10, "plugin", plugin);
    }

    /** Appends samples at the current scrape time; counters accumulate their increments. */
    private static final class Scraper {
        private final MemoryStorage storage = new MemoryStorage();
        private final Map<Labels, Double> counters = new HashMap<>();
        private long t;

        void at(long time) {
            t = time;
        }

        void counter(String name, double increment, String... labels) {
            Labels series = labels(name, labels);
            storage.append(series, t, counters.merge(series, increment, Double::sum));
        }

        void gauge(String name, double value, String... labels) {
            storage.append(labels(name, labels), t, value);
        }

        private static Labels labels(String name, String... labels) {
            String[] all = new String[labels.length + 2];
            all[0] = Labels.METRIC_NAME;
            all[1] = name;
            System.arraycopy(labels, 0, all, 2, labels.length);
            return Labels.of(all);
        }
    }
}
