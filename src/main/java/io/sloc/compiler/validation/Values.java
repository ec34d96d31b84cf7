package io.sloc.compiler.validation;

import io.sloc.diag.BadInputException;
import io.sloc.dsl.ast.Located;
import io.sloc.promql.Durations;
import java.math.BigDecimal;
import java.time.Duration;

/** Interprets field values as written in the spec (token text), with located errors. */
public final class Values {
    private static final String MAX_NUMBER_TEXT = "1000000000000000";
    private static final BigDecimal MAX_NUMBER = new BigDecimal(MAX_NUMBER_TEXT);

    private Values() {
    }

    /** {@code 99.95%} → 99.95 (percent, exact). */
    public static BigDecimal percent(Located<String> text) {
        String digits = text.value().substring(0, text.value().length() - 1);
        return new BigDecimal(digits);
    }

    /**
     * A plain number (factor, minimum traffic, panel bound): below {@value #MAX_NUMBER_TEXT}, so that what is derived
     * from it (alert thresholds, generated request rates) stays exact in float64 and int64.
     */
    public static BigDecimal number(Located<String> text) {
        BigDecimal number = new BigDecimal(text.value());
        if (number.abs().compareTo(MAX_NUMBER) >= 0) {
            throw new BadInputException(text.location(), "number " + text.value() + " is too large: numbers in "
                    + "specs must be below " + MAX_NUMBER_TEXT);
        }
        return number;
    }

    /** Prometheus duration syntax, units from largest to smallest, each at most once (e.g. {@code 1h30m}). */
    public static Duration duration(Located<String> text) {
        try {
            return Duration.ofMillis(Durations.parse(text.value()));
        } catch (IllegalArgumentException e) {
            if (e.getMessage().equals(Durations.OUT_OF_RANGE)) {
                throw new BadInputException(text.location(), "duration '" + text.value() + "' is too long: "
                        + "Prometheus durations end at " + Durations.format(Durations.MAX_MS) + " (about 292 years)");
            }
            throw new BadInputException(text.location(), "invalid duration '" + text.value() + "': use units from "
                    + "largest to smallest, each once (e.g. 1h30m)");
        }
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
}
