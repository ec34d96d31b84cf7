package io.sloc.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One alert of a policy: fire when both the long and the short window burn the budget at least {@code factor}
 * times faster than sustainable. {@code factor = budgetShare × period ÷ longWindow}, exact.
 *
 * @param budgetShare   share of the period's error budget consumed in {@code longWindow} (e.g. 0.02)
 * @param factor        the burn-rate threshold (e.g. 14.4)
 * @param severity      the {@code severity} label (e.g. {@code page}, {@code critical})
 * @param forDuration   the alert's {@code for:}; {@link Duration#ZERO} when not set
 * @param keepFiringFor the alert's {@code keep_firing_for:}; {@link Duration#ZERO} when not set
 */
public record BurnRateWindow(BigDecimal budgetShare, BigDecimal factor, Duration longWindow, Duration shortWindow,
                             String severity, Duration forDuration, Duration keepFiringFor,
                             SortedMap<String, String> labels, SortedMap<String, String> annotations) {
    public BurnRateWindow {
        labels = Maps.sorted(labels);
        annotations = Maps.sorted(annotations);
    }
}
