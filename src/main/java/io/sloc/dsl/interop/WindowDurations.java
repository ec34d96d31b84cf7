package io.sloc.dsl.interop;

import io.sloc.dsl.ast.Located;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations the readers compute (scaled alert windows), written as the DSL's duration tokens. */
final class WindowDurations {
    private static final Pattern PROMETHEUS = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final Duration[] UNITS = {Duration.ofDays(365), Duration.ofDays(7), Duration.ofDays(1),
        Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMillis(1)};

    private WindowDurations() {
    }

    /** A Prometheus duration such as {@code 4w} or {@code 1h30m}. */
    static Duration parse(YamlValue value) {
        String text = value.text();
        Matcher m = PROMETHEUS.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw value.error("'" + text + "' is not a duration such as 4w or 30d");
        }
        Duration total = Duration.ZERO;
        for (int unit = 0; unit < UNITS.length; unit++) {
            if (m.group(unit + 1) != null) {
                total = total.plus(UNITS[unit].multipliedBy(Long.parseLong(m.group(unit + 1))));
            }
        }
        return total;
    }

    /** {@code duration} rounded to the minute, halves up (Go's Duration.Round), in its largest whole unit. */
    static Located<String> minutes(Duration duration, YamlValue at) {
        long minutes = duration.plusSeconds(30).toMinutes();
        String text = minutes % (24 * 60) == 0 && minutes > 0 ? minutes / (24 * 60) + "d"
                : minutes % 60 == 0 && minutes > 0 ? minutes / 60 + "h" : minutes + "m";
        return new Located<>(text, at.location());
    }
}
