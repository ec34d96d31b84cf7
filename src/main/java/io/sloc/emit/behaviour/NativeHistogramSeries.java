package io.sloc.emit.behaviour;

import io.sloc.model.ExponentialBuckets;
import io.sloc.model.Sli;
import java.util.ArrayList;
import java.util.List;

/**
 * A native histogram in promtool 3's notation whose fast requests fall in the bucket just below the SLI's boundary
 * and slow ones in the bucket just above it, so {@code histogram_fraction(0, boundary, ...)} counts exactly the
 * fast ones, without interpolation. Each traffic segment is one {@code {{start}}+{{increment}}xN} run: promtool
 * adds the increment N times, and the counts are integers, so every sample is exactly what was simulated.
 */
record NativeHistogramSeries(String series, String notation) implements SeriesSynthesizer.Written {
    static NativeHistogramSeries of(String series, Sli.NativeLatency latency, SyntheticTraffic traffic) {
        int schema = latency.schema();
        int fastBucket = ExponentialBuckets.bucketOf(latency.boundarySeconds(), schema);
        Observations observations = new Observations(schema, fastBucket,
                ExponentialBuckets.upperBound(fastBucket, schema), ExponentialBuckets.upperBound(fastBucket + 1, schema));
        List<String> runs = new ArrayList<>();
        int slot = 0;
        for (SyntheticTraffic.Segment segment : traffic.segments()) {
            // the first segment's run starts at slot 0 (no requests yet); later ones at the slot after the last run
            int first = slot == 0 ? 0 : slot + 1;
            int last = slot + segment.steps();
            String start = observations.histogram(traffic.totalAt(first) - traffic.badAt(first), traffic.badAt(first));
            String increment = observations.histogram(segment.total() - segment.bad(), segment.bad());
            runs.add(last > first ? start + "+" + increment + "x" + (last - first) : start);
            slot = last;
        }
        return new NativeHistogramSeries(series, String.join(" ", runs));
    }

    /** Fast requests observed at the boundary (upper bounds are inclusive), slow ones at the next boundary. */
    private record Observations(int schema, int fastBucket, double fast, double slow) {
        String histogram(long fastCount, long slowCount) {
            return "{{schema:" + schema + " count:" + (fastCount + slowCount) + " sum:"
                    + ExpandingNotation.number(fastCount * fast + slowCount * slow) + " offset:" + fastBucket
                    + " buckets:[" + fastCount + " " + slowCount + "]}}";
        }
    }
}
