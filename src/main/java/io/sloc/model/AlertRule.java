package io.sloc.model;

import io.sloc.diag.SourceLocation;
import java.time.Duration;
import java.util.SortedMap;

/**
 * A plain alerting rule written in the spec. {@code labels} already include {@code service}, {@code slo} (the SLO
 * the alert protects), {@code severity} and the service labels; {@code annotations} include {@code runbook_url} when the alert names a runbook.
 */
public record AlertRule(String name, PromqlQuery expr, Duration forDuration, Duration keepFiringFor,
                        SortedMap<String, String> labels, SortedMap<String, String> annotations,
                        SourceLocation location) {
    public AlertRule {
        labels = Maps.sorted(labels);
        annotations = Maps.sorted(annotations);
    }
}
