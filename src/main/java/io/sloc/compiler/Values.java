package io.sloc.compiler;

import io.sloc.diag.BadInputException;
import io.sloc.dsl.ast.Located;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interprets field values as written in the spec (token text), with located errors. */
public final class Values {
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)(ms|s|m|h|d|w|y)");
    private static final String[] UNIT_ORDER = {"y", "w", "d", "h", "m", "s", "ms"};

    private Values() {
    }

    /** {@code 99.95%} → 99.95 (percent, exact). */
    public static BigDecimal percent(Located<String> text) {
        String digits = text.value().substring(0, text.value().length() - 1);
        return new BigDecimal(digits);
    }

    public static BigDecimal number(Located<String> text) {
        return new BigDecimal(text.value());
    }

    /** Prometheus duration syntax, units from largest to smallest, each at most once (e.g. {@code 1h30m}). */
    public static Duration duration(Located<String> text) {
        Matcher m = DURATION_PART.matcher(text.value());
        Duration total = Duration.ZERO;
        int lastUnit = -1;
        int end = 0;
        while (m.find() && m.start() == end) {
            int unit = indexOf(m.group(2));
            if (unit <= lastUnit) {
                throw new BadInputException(text.location(), "invalid duration '" + text.value()
                        + "': units must go from largest to smallest, each once (e.g. 1h30m)");
            }
            lastUnit = unit;
            total = total.plus(unitDuration(m.group(2)).multipliedBy(Long.parseLong(m.group(1))));
            end = m.end();
        }
        return total;
    }

    /**
     * A rule window: used in range selectors and rule names, so it must be a whole, positive number of seconds;
     * anything else would round to a zero or fractional window.
     */
    public static Duration window(Located<String> text) {
        Duration window = duration(text);
        if (window.isZero() || window.toMillis() % 1000 != 0) {
            throw new BadInputException(text.location(), "window '" + text.value()
                    + "' rounds to " + (window.toSeconds() == 0 ? "zero" : "a fraction of a second")
                    + "; rule windows must be whole seconds, at least 1s (e.g. 5m)");
        }
        return window;
    }

    private static int indexOf(String unit) {
        for (int i = 0; i < UNIT_ORDER.length; i++) {
            if (UNIT_ORDER[i].equals(unit)) {
                return i;
            }
        }
        throw new IllegalArgumentException(unit);
    }

    private static Duration unitDuration(String unit) {
        switch (unit) {
            case "y": return Duration.ofDays(365);
            case "w": return Duration.ofDays(7);
            case "d": return Duration.ofDays(1);
            case "h": return Duration.ofHours(1);
            case "m": return Duration.ofMinutes(1);
            case "s": return Duration.ofSeconds(1);
            default: return Duration.ofMillis(1);
        }
    }
}
