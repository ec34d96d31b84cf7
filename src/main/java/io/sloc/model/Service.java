package io.sloc.model;

import io.sloc.diag.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A service: its SLOs, plain alerting and recording rules, and optional dashboard. {@code labels} are added to
 * every rule generated for the service (e.g. {@code team}); they never use the reserved names {@code service},
 * {@code slo}, {@code severity}.
 */
public record Service(String name, SortedMap<String, String> labels, List<Slo> slos, List<AlertRule> alerts,
                      List<RecordingRule> records, Optional<Dashboard> dashboard, SourceLocation location) {
    public Service {
        labels = Maps.sorted(labels);
        slos = List.copyOf(slos);
        alerts = List.copyOf(alerts);
        records = List.copyOf(records);
    }
}
