package io.sloc.emit.tests;

import java.time.Duration;

/** Durations as Prometheus writes them: largest units first, no zero components ({@code 1d6h}, {@code 0s}). */
final class PromDurations {
    private PromDurations() {
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] sizes = {86400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                out.append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return out.toString();
    }
}
