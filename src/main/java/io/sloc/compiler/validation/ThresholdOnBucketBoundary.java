package io.sloc.compiler.validation;

import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SliNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.model.ExponentialBuckets;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Warns when a native-histogram latency threshold is not a bucket boundary of the schema: histogram_fraction would
 * interpolate inside the bucket holding the threshold, guessing how many of its requests were fast, so the SLI
 * counts up to the boundary below instead (never a slow request as fast) and the warning says which.
 */
public final class ThresholdOnBucketBoundary implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                if (slo.sli() instanceof SliNode.Latency latency && latency.nativeHistogram() != null) {
                    check(latency, diagnostics);
                }
            }
        }
    }

    private static void check(SliNode.Latency latency, Diagnostics diagnostics) {
        int schema = SloDefaults.schema(latency);
        BigDecimal seconds = BigDecimal.valueOf(Values.duration(latency.threshold()).toMillis()).movePointLeft(3);
        if (ExponentialBuckets.isBoundary(seconds, schema)) {
            return;
        }
        int bucket = ExponentialBuckets.bucketOf(seconds.doubleValue(), schema);
        diagnostics.warn(latency.threshold().location(), "faster_than " + latency.threshold().value()
                + " is not a bucket boundary of schema " + schema + " native histograms (its bucket spans "
                + millis(ExponentialBuckets.upperBound(bucket - 1, schema)) + " to "
                + millis(ExponentialBuckets.upperBound(bucket, schema)) + "): the SLI counts requests up to "
                + millis(ExponentialBuckets.boundaryAtOrBelow(seconds, schema)) + " as fast, the boundary below, since interpolating inside the bucket would make it "
                + "inexact; powers of two such as 250ms, 500ms or 1s are boundaries of every schema from 0 up");
    }

    private static String millis(double seconds) {
        return BigDecimal.valueOf(seconds * 1000).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString() + "ms";
    }
}
