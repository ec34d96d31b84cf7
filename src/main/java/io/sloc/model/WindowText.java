package io.sloc.model;

import java.time.Duration;

/**
 * The one spelling of a duration in generated output (rule names such as {@code ratio_rate30d}, range
 * selectors, {@code for:}, window labels): the largest of d, h, m, s, ms that divides it exactly, so 30d stays
 * {@code 30d} (Prometheus itself would print {@code 4w2d}) and 90m stays {@code 90m}. Always valid PromQL.
 */
public final class WindowText {
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};

    private WindowText() {
    }

    public static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (millis % UNIT_MILLIS[i] == 0) {
                return millis / UNIT_MILLIS[i] + UNIT_NAMES[i];
            }
        }
        throw new AssertionError("unreachable: every duration is a whole number of milliseconds");
    }
}
