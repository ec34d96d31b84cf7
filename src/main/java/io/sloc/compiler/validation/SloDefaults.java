package io.sloc.compiler.validation;

import io.sloc.dsl.ast.SloNode;
import java.time.Duration;

/** Defaults for fields an SLO may leave out. */
public final class SloDefaults {
    /** The rolling window when an SLO states none: 30 days, as in the SRE workbook. */
    public static final String PERIOD_TEXT = "30d";
    public static final Duration PERIOD = Duration.ofDays(30);

    private SloDefaults() {
    }

    public static Duration period(SloNode slo) {
        return slo.window() == null ? PERIOD : Values.window(slo.window());
    }

    public static String periodText(SloNode slo) {
        return slo.window() == null ? PERIOD_TEXT : slo.window().value();
    }
}
