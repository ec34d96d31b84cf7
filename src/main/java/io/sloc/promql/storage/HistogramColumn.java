package io.sloc.promql.storage;

import io.sloc.promql.value.CounterResetHint;
import io.sloc.promql.value.FloatHistogram;
import io.sloc.promql.value.Span;
import java.util.Arrays;
import java.util.List;

/**
 * The native-histogram samples of one series, by sample index: count, sum and zero count in primitive arrays, all
 * bucket counts in one shared array, and the bucket layout (schema, spans, zero threshold, custom bounds, hint) shared
 * with the previous sample while it stays the same, so a sample costs little more than its counts.
 */
final class HistogramColumn {
    /** What consecutive histograms of a series usually share. */
    private record Layout(CounterResetHint hint, int schema, double zeroThreshold, List<Span> positiveSpans,
                          int positiveBuckets, List<Span> negativeSpans, int negativeBuckets, double[] customValues) {
        static Layout of(FloatHistogram h) {
            return new Layout(h.counterResetHint(), h.schema(), h.zeroThreshold(), h.positiveSpans(),
                    h.positiveBuckets().length, h.negativeSpans(), h.negativeBuckets().length, h.customValues());
        }

        boolean sameAs(Layout o) {
            return hint == o.hint && schema == o.schema
                    && Double.doubleToRawLongBits(zeroThreshold) == Double.doubleToRawLongBits(o.zeroThreshold)
                    && positiveBuckets == o.positiveBuckets && negativeBuckets == o.negativeBuckets
                    && positiveSpans.equals(o.positiveSpans) && negativeSpans.equals(o.negativeSpans)
                    && Arrays.equals(customValues, o.customValues);
        }
    }

    private static final Span[] NO_SPANS = {};

    /** Null at float samples. */
    private Layout[] layouts;
    private double[] counts;
    private double[] sums;
    private double[] zeroCounts;
    /** Where each sample's bucket counts start in {@link #buckets} (positive, then negative). */
    private int[] bucketStarts;
    private double[] buckets = new double[16];
    private int bucketsUsed;
    private Layout last;

    HistogramColumn(int capacity) {
        layouts = new Layout[capacity];
        counts = new double[capacity];
        sums = new double[capacity];
        zeroCounts = new double[capacity];
        bucketStarts = new int[capacity];
    }

    void reserve(int capacity) {
        layouts = Arrays.copyOf(layouts, capacity);
        counts = Arrays.copyOf(counts, capacity);
        sums = Arrays.copyOf(sums, capacity);
        zeroCounts = Arrays.copyOf(zeroCounts, capacity);
        bucketStarts = Arrays.copyOf(bucketStarts, capacity);
    }

    /** Stores {@code h} at sample index {@code i} (each index once, in increasing order). */
    void set(int i, FloatHistogram h) {
        Layout layout = Layout.of(h);
        if (last == null || !last.sameAs(layout)) {
            last = layout;
        }
        layouts[i] = last;
        counts[i] = h.count();
        sums[i] = h.sum();
        zeroCounts[i] = h.zeroCount();
        bucketStarts[i] = bucketsUsed;
        int n = h.positiveBuckets().length + h.negativeBuckets().length;
        if (bucketsUsed + n > buckets.length) {
            // Room for this many buckets in every sample slot left (the series' capacity follows its known or grown
            // length), or an eighth more should later samples have more buckets.
            long forRemainingSlots = bucketsUsed + (long) n * (layouts.length - i);
            int grown = bucketsUsed + (bucketsUsed >> 3) + n;
            buckets = Arrays.copyOf(buckets, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(forRemainingSlots, grown)));
        }
        System.arraycopy(h.positiveBuckets(), 0, buckets, bucketsUsed, h.positiveBuckets().length);
        System.arraycopy(h.negativeBuckets(), 0, buckets, bucketsUsed + h.positiveBuckets().length,
                h.negativeBuckets().length);
        bucketsUsed += n;
    }

    /** The histogram at sample index {@code i}, null for a float sample. */
    FloatHistogram get(int i) {
        Layout l = layouts[i];
        if (l == null) {
            return null;
        }
        int start = bucketStarts[i];
        return FloatHistogram.builder().counterResetHint(l.hint).schema(l.schema).zeroThreshold(l.zeroThreshold)
                .zeroCount(zeroCounts[i]).count(counts[i]).sum(sums[i]).customValues(l.customValues)
                .positive(l.positiveSpans.toArray(NO_SPANS),
                        Arrays.copyOfRange(buckets, start, start + l.positiveBuckets))
                .negative(l.negativeSpans.toArray(NO_SPANS), Arrays.copyOfRange(buckets,
                        start + l.positiveBuckets, start + l.positiveBuckets + l.negativeBuckets))
                .build();
    }
}
