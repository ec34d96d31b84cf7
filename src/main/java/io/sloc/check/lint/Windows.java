package io.sloc.check.lint;

import java.time.Duration;

/** Durations as Prometheus writes them ({@code 1d}, {@code 1h30m}), for messages that quote a spec. */
final class Windows {
    private static final long[] UNIT_MILLIS = {7 * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    private static final String[] UNITS = {"w", "d", "h", "m", "s", "ms"};

    private Windows() {
    }

    static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNITS.length; i++) {
            if (ms >= UNIT_MILLIS[i]) {
                out.append(ms / UNIT_MILLIS[i]).append(UNITS[i]);
                ms %= UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }
}
