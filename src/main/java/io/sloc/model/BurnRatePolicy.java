package io.sloc.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A multi-window multi-burn-rate policy (SRE workbook, chapter 5).
 *
 * @param name       the policy's name ({@code workbook} for the built-in default, {@code inline} for inline ones)
 * @param windows    the alert pairs, in spec order
 * @param minTraffic when present, alerts stay quiet while the long window sees fewer events per second than this
 * @param alertName  the name of its alerts when the spec gives one ({@code alert_name}), else sloc's own
 */
public record BurnRatePolicy(String name, List<BurnRateWindow> windows, Optional<BigDecimal> minTraffic,
                             SortedMap<String, String> labels, SortedMap<String, String> annotations,
                             Optional<String> alertName) {
    public BurnRatePolicy {
        windows = List.copyOf(windows);
        labels = Maps.sorted(labels);
        annotations = Maps.sorted(annotations);
    }
}
