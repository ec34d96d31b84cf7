package io.sloc.model;

import java.math.BigDecimal;

/**
 * How an SLO counts bad and total events. All variants are reduced by the rule generator to a per-window
 * "bad events per second" and "total events per second" pair, so the period SLI is traffic-weighted.
 */
public sealed interface Sli {
    /** A short kind name for info labels and dashboards: {@code ratio}, {@code latency}, {@code availability}. */
    String kind();

    /**
     * Counter-based ratio. {@code events} counts errors when {@code countsErrors}, good events otherwise;
     * {@code total} counts all events. Both are counter selectors or expressions using {@code $window}.
     */
    record Ratio(PromqlQuery events, boolean countsErrors, PromqlQuery total) implements Sli {
        @Override
        public String kind() {
            return "ratio";
        }
    }

    /**
     * Classic histogram: good events are observations at or below {@code thresholdSeconds}
     * ({@code <histogram>_bucket{le="<threshold>"}}), total events are {@code <histogram>_count}.
     *
     * @param histogram a selector of the histogram's base name (no {@code _bucket} suffix), e.g.
     *                  {@code hatago_request_duration_seconds{job="hatago"}}; its parse is a VectorSelector
     */
    record Latency(PromqlQuery histogram, BigDecimal thresholdSeconds) implements Sli {
        @Override
        public String kind() {
            return "latency";
        }

        /** The {@code le} label value for the threshold, as Prometheus clients write it (e.g. {@code 0.005}). */
        public String le() {
            return thresholdSeconds.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * Native histogram: good events are observations up to {@code boundarySeconds}, the largest bucket boundary of
     * {@code schema} at or below the threshold (a bucket boundary, so {@code histogram_fraction} counts whole
     * buckets and never interpolates); total events are the histogram's count.
     *
     * @param histogram a selector of the native histogram, e.g. {@code http_request_duration_seconds{job="api"}};
     *                  its parse is a VectorSelector
     */
    record NativeLatency(PromqlQuery histogram, BigDecimal thresholdSeconds, int schema) implements Sli {
        @Override
        public String kind() {
            return "latency";
        }

        /** The bucket boundary the SLI counts up to: the threshold, or the boundary below it. */
        public double boundarySeconds() {
            return ExponentialBuckets.boundaryAtOrBelow(thresholdSeconds, schema);
        }
    }

    /** A 0/1 gauge such as {@code up}: each instance-second at 0 is bad. */
    record Availability(PromqlQuery gauge) implements Sli {
        @Override
        public String kind() {
            return "availability";
        }
    }
}
