package io.sloc.compiler.validation;

import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import java.time.Duration;

/** Defaults for fields an SLO may leave out. */
public final class SloDefaults {
    /** The rolling window when an SLO states none: 30 days, as in the SRE workbook. */
    public static final String PERIOD_TEXT = "30d";
    public static final Duration PERIOD = Duration.ofDays(30);

    /**
     * The native-histogram schema when a latency SLI states none: 3 (buckets 9% wide), what the Go client's usual
     * bucket factor 1.1 gives. Its boundaries are boundaries of every higher schema too, so the SLI stays exact for
     * the Java client 1.x (initial schema 5) and for OpenTelemetry exponential histograms (up to 8), also after
     * a client lowers its schema to stay within its bucket limit, as long as it stays at 3 or above.
     */
    public static final int NATIVE_SCHEMA = 3;

    private SloDefaults() {
    }

    public static int schema(SliNode.Latency latency) {
        return latency.schema() == null ? NATIVE_SCHEMA : Values.number(latency.schema()).intValueExact();
    }

    public static Duration period(SloNode slo) {
        return slo.window() == null ? PERIOD : Values.window(slo.window());
    }

    public static String periodText(SloNode slo) {
        return slo.window() == null ? PERIOD_TEXT : slo.window().value();
    }
}
