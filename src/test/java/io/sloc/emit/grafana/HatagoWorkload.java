package io.sloc.emit.grafana;

import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import java.util.List;

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
    static final List<String> ROUTES = List.of("/mcp", "/health");
    static final List<String> METHODS = List.of("GET", "POST");
    static final List<String> PLUGINS = List.of("github", "slack");
    static final List<String> BUCKETS = List.of("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
            "0.5", "1", "+Inf");

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

    private boolean incident(long t) {
        return t >= incidentStartMs() && t < incidentEndMs();
    }

    MemoryStorage storage() {
        MemoryStorage storage = new MemoryStorage();
        double[] requests = new double[ROUTES.size() * METHODS.size() * 4];
        double[][] buckets = new double[ROUTES.size()][BUCKETS.size()];
        double[] durationSums = new double[ROUTES.size()];
        double[] pluginEvents = new double[PLUGINS.size() * 2];
        double[] pluginFailures = new double[PLUGINS.size()];
        for (long t = START_MS; t <= endMs(); t += SCRAPE_MS) {
            double wave = 1 + 0.5 * Math.sin(2 * Math.PI * (t - START_MS) / (24.0 * HOUR_MS));
            boolean bad = incident(t);
            int i = 0;
            for (int r = 0; r < ROUTES.size(); r++) {
                for (String method : METHODS) {
                    double perMinute = Math.round(600 * wave / (r + 1));
                    double errors = Math.round(perMinute * (bad ? 0.06 : 0.0002));
                    double notFound = Math.round(perMinute * 0.01);
                    double throttled = bad ? Math.round(perMinute * 0.01) : 0;
                    requests[i] += perMinute - errors - notFound - throttled;
                    requests[i + 1] += notFound;
                    requests[i + 2] += errors;
                    requests[i + 3] += throttled;
                    append(storage, t, requests[i], "hatago_requests_total", "route", ROUTES.get(r), "method", method, "code", "200");
                    append(storage, t, requests[i + 1], "hatago_requests_total", "route", ROUTES.get(r), "method", method, "code", "404");
                    append(storage, t, requests[i + 2], "hatago_requests_total", "route", ROUTES.get(r), "method", method, "code", "500");
                    append(storage, t, requests[i + 3], "hatago_requests_total", "route", ROUTES.get(r), "method", method, "code", "429");
                    i += 4;
                }
                double observed = Math.round(1200 * wave / (r + 1));
                double cumulativeShare = 0;
                for (int b = 0; b < BUCKETS.size(); b++) {
                    cumulativeShare = Math.min(1, cumulativeShare + (bad ? 0.02 + 0.1 * b : 0.3 + 0.35 * b));
                    buckets[r][b] += b == BUCKETS.size() - 1 ? observed : Math.round(observed * cumulativeShare);
                    append(storage, t, buckets[r][b], "hatago_request_duration_seconds_bucket", "route", ROUTES.get(r), "le", BUCKETS.get(b));
                }
                durationSums[r] += observed * (bad ? 0.02 : 0.002);
                append(storage, t, buckets[r][BUCKETS.size() - 1], "hatago_request_duration_seconds_count", "route", ROUTES.get(r));
                append(storage, t, durationSums[r], "hatago_request_duration_seconds_sum", "route", ROUTES.get(r));
            }
            append(storage, t, Math.round(20 * wave) + (bad ? 80 : 0), "hatago_inflight_requests");
            for (int p = 0; p < PLUGINS.size(); p++) {
                boolean failing = bad && p == 0;
                pluginEvents[2 * p] += Math.round(120 * wave);
                pluginEvents[2 * p + 1] += Math.round(60 * wave);
                pluginFailures[p] += failing ? 30 : (t / SCRAPE_MS) % 90 == 0 ? 1 : 0;
                append(storage, t, pluginEvents[2 * p], "hatago_plugin_events_total", "plugin", PLUGINS.get(p), "event", "request");
                append(storage, t, pluginEvents[2 * p + 1], "hatago_plugin_events_total", "plugin", PLUGINS.get(p), "event", "response");
                append(storage, t, pluginFailures[p], "hatago_plugin_failures_total", "plugin", PLUGINS.get(p));
                append(storage, t, failing ? 1 : 0, "hatago_circuit_breaker_state", "plugin", PLUGINS.get(p));
                append(storage, t, failing ? 10 : Math.round(3 * wave), "hatago_concurrency_limiter_in_use", "plugin", PLUGINS.get(p));
                append(storage, t, 10, "hatago_concurrency_limiter_limit", "plugin", PLUGINS.get(p));
            }
            append(storage, t, 1, "up", "job", "hatago", "instance", "hatago-0:8787");
            append(storage, t, bad && t < incidentStartMs() + HOUR_MS / 6 ? 0 : 1, "up", "job", "hatago", "instance", "hatago-1:8787");
        }
        return storage;
    }

    private static void append(MemoryStorage storage, long t, double value, String name, String... labels) {
        String[] all = new String[labels.length + 2];
        all[0] = Labels.METRIC_NAME;
        all[1] = name;
        System.arraycopy(labels, 0, all, 2, labels.length);
        storage.append(Labels.of(all), t, value);
    }
}
