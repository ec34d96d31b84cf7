package io.sloc.model;

import io.sloc.diag.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One service level objective.
 *
 * @param name        unique within its service; becomes the {@code slo} label
 * @param window      the rolling compliance period (default 30d)
 * @param groupBy     labels that split the SLO into one SLO per label set ({@code by (route)}); empty = one SLO
 * @param alerting    the burn-rate policy; empty when the spec says {@code alerting none}
 * @param runbookUrl  the {@code runbook_url} annotation of the burn-rate alerts, when the SLO names a runbook
 * @param labels      extra labels on this SLO's rules (on top of the service labels)
 */
public record Slo(String name, Optional<String> description, Objective objective, Duration window, Sli sli,
                  List<String> groupBy, Optional<BurnRatePolicy> alerting, Optional<String> runbookUrl,
                  SortedMap<String, String> labels, SourceLocation location) {
    public Slo {
        groupBy = List.copyOf(groupBy);
        labels = Maps.sorted(labels);
    }
}
