package io.sloc.emit.report;

import io.sloc.promql.Durations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/** How the report writes numbers: the same text on every machine, whatever its locale. */
final class Format {
    private Format() {
    }

    /** A ratio as a percentage with at most four significant digits: 0.00072 is "0.072%". */
    static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }

    /** A duration in Prometheus's notation: "1h30m", "3d". */
    static String duration(Duration duration) {
        return Durations.format(duration.toMillis());
    }

    /** A plain number without trailing zeros: "14.4", "6". */
    static String number(BigDecimal value) {
        return value.round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
