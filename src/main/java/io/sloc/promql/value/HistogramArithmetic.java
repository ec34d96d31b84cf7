package io.sloc.promql.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Addition and subtraction of native histograms as Prometheus's {@code FloatHistogram.Add/Sub}: the result has the
 * lower of both schemas and the larger zero bucket (widened to a bucket boundary), custom bounds are reduced to those
 * both share, and the counter reset hints are reconciled.
 */
final class HistogramArithmetic {
    private HistogramArithmetic() {
    }

    static FloatHistogram.Combined combine(FloatHistogram a, FloatHistogram b, boolean subtract) {
        if (a.usesCustomBuckets() != b.usesCustomBuckets()) {
            throw new HistogramException(HistogramException.INCOMPATIBLE_SCHEMA);
        }
        double sign = subtract ? -1 : 1;
        boolean collision = a.counterResetHint() == CounterResetHint.COUNTER_RESET
                && b.counterResetHint() == CounterResetHint.NOT_COUNTER_RESET
                || a.counterResetHint() == CounterResetHint.NOT_COUNTER_RESET
                && b.counterResetHint() == CounterResetHint.COUNTER_RESET;
        FloatHistogram.Builder out = a.toBuilder()
                .counterResetHint(combinedHint(a.counterResetHint(), b.counterResetHint()))
                .count(a.count() + sign * b.count())
                .sum(a.sum() + sign * b.sum());
        if (a.usesCustomBuckets()) {
            boolean reconciled = !Arrays.equals(a.customValues(), b.customValues());
            double[] bounds = reconciled ? intersect(a.customValues(), b.customValues()) : a.customValues();
            TreeMap<Integer, Double> positive = onBounds(a, bounds);
            addInto(positive, onBounds(b, bounds), sign, i -> false);
            return new FloatHistogram.Combined(out.customValues(bounds).positive(spans(positive), counts(positive))
                    .build(), collision, reconciled);
        }
        ZeroBucket zero = reconcileZeroBuckets(a, b);
        int schema = Math.min(a.schema(), b.schema());
        boolean widened = zero.threshold != a.zeroThreshold();
        TreeMap<Integer, Double> positive = reduced(withoutZeroBucket(byIndex(a.positiveSpans(),
                a.positiveBuckets()), a.schema(), widened ? zero.threshold : 0), a.schema(), schema);
        TreeMap<Integer, Double> negative = reduced(withoutZeroBucket(byIndex(a.negativeSpans(),
                a.negativeBuckets()), a.schema(), widened ? zero.threshold : 0), a.schema(), schema);
        addInto(positive, reduced(byIndex(b.positiveSpans(), b.positiveBuckets()), b.schema(), schema), sign,
                i -> FloatHistogram.bucketBound(i, schema, null) <= zero.threshold);
        addInto(negative, reduced(byIndex(b.negativeSpans(), b.negativeBuckets()), b.schema(), schema), sign,
                i -> FloatHistogram.bucketBound(i, schema, null) <= zero.threshold);
        out.schema(schema).zeroThreshold(zero.threshold).zeroCount(zero.count + sign * zero.otherCount)
                .positive(spans(positive), counts(positive)).negative(spans(negative), counts(negative));
        return new FloatHistogram.Combined(out.build(), collision, false);
    }

    /** Prometheus's {@code DetectReset}; see {@link FloatHistogram#detectReset}. */
    static boolean detectReset(FloatHistogram h, FloatHistogram previous) {
        if (h.counterResetHint() == CounterResetHint.COUNTER_RESET) {
            return true;
        }
        if (h.counterResetHint() == CounterResetHint.NOT_COUNTER_RESET) {
            return false;
        }
        if (h.count() < previous.count()) {
            return true;
        }
        if (h.usesCustomBuckets()) {
            if (!previous.usesCustomBuckets()) {
                return true;
            }
            if (!Arrays.equals(h.customValues(), previous.customValues())) {
                double[] bounds = intersect(h.customValues(), previous.customValues());
                return wentDown(onBounds(previous, bounds), onBounds(h, bounds));
            }
        }
        if (h.schema() > previous.schema() || h.zeroThreshold() < previous.zeroThreshold()) {
            return true;
        }
        double[] previousZero = zeroCountForLargerThreshold(previous, h.zeroThreshold());
        if (previousZero[1] != h.zeroThreshold() || h.zeroCount() < previousZero[0]) {
            return true;
        }
        return wentDown(above(previous, true, h.zeroThreshold(), h.schema()), above(h, true, h.zeroThreshold(),
                h.schema()))
                || wentDown(above(previous, false, h.zeroThreshold(), h.schema()), above(h, false,
                h.zeroThreshold(), h.schema()));
    }

    /** The buckets of one sign whose upper bound lies above {@code threshold}, merged into schema {@code to}. */
    private static TreeMap<Integer, Double> above(FloatHistogram h, boolean positive, double threshold, int to) {
        TreeMap<Integer, Double> buckets = positive ? byIndex(h.positiveSpans(), h.positiveBuckets())
                : byIndex(h.negativeSpans(), h.negativeBuckets());
        if (!h.usesCustomBuckets()) {
            buckets.keySet().removeIf(i -> FloatHistogram.bucketBound(i, h.schema(), null) <= threshold);
        }
        return h.usesCustomBuckets() ? buckets : reduced(buckets, h.schema(), to);
    }

    /** Whether a populated bucket of {@code previous} is missing from {@code current} or lower there. */
    private static boolean wentDown(TreeMap<Integer, Double> previous, TreeMap<Integer, Double> current) {
        for (Map.Entry<Integer, Double> e : previous.entrySet()) {
            Double now = current.get(e.getKey());
            if (now == null ? e.getValue() != 0 : now < e.getValue()) {
                return true;
            }
        }
        return false;
    }

    /** Prometheus's adjustCounterReset: equal hints stay, a gauge wins, then unknown; a collision gives unknown. */
    private static CounterResetHint combinedHint(CounterResetHint a, CounterResetHint b) {
        if (a == b) {
            return a;
        }
        if (a == CounterResetHint.GAUGE || b == CounterResetHint.GAUGE) {
            return CounterResetHint.GAUGE;
        }
        return CounterResetHint.UNKNOWN;
    }

    /** The common zero bucket: its threshold, a's zero count and b's zero count for that threshold. */
    private record ZeroBucket(double threshold, double count, double otherCount) {
    }

    private static ZeroBucket reconcileZeroBuckets(FloatHistogram a, FloatHistogram b) {
        double threshold = a.zeroThreshold();
        double aCount = a.zeroCount();
        double bCount = b.zeroCount();
        double bThreshold = b.zeroThreshold();
        while (bThreshold != threshold) {
            if (threshold > bThreshold) {
                double[] widened = zeroCountForLargerThreshold(b, threshold);
                bCount = widened[0];
                bThreshold = widened[1];
            }
            if (bThreshold > threshold) {
                double[] widened = zeroCountForLargerThreshold(a, bThreshold);
                aCount = widened[0];
                threshold = widened[1];
            }
        }
        return new ZeroBucket(threshold, aCount, bCount);
    }

    /**
     * The zero count {@code h} has with a zero bucket of at least {@code threshold} (its buckets below it added), and
     * the threshold, moved up to the boundary of a populated bucket it would cut.
     */
    private static double[] zeroCountForLargerThreshold(FloatHistogram h, double threshold) {
        if (threshold == h.zeroThreshold()) {
            return new double[] {h.zeroCount(), threshold};
        }
        TreeMap<Integer, Double> positive = byIndex(h.positiveSpans(), h.positiveBuckets());
        TreeMap<Integer, Double> negative = byIndex(h.negativeSpans(), h.negativeBuckets());
        outer:
        while (true) {
            double zeroCount = h.zeroCount();
            for (int pass = 0; pass < 2; pass++) {
                for (Map.Entry<Integer, Double> e : (pass == 0 ? positive : negative).entrySet()) {
                    double lower = FloatHistogram.bucketBound(e.getKey() - 1, h.schema(), null);
                    double upper = FloatHistogram.bucketBound(e.getKey(), h.schema(), null);
                    if (lower >= threshold) {
                        break;
                    }
                    zeroCount += e.getValue();
                    if (upper > threshold) {
                        if (e.getValue() != 0) {
                            threshold = upper;
                            if (pass == 1) {
                                continue outer; // the positive side must be redone for the wider bucket
                            }
                        }
                        break;
                    }
                }
            }
            return new double[] {zeroCount, threshold};
        }
    }

    /** The buckets left once a zero bucket widened to {@code threshold} took those below it (0: none taken). */
    private static TreeMap<Integer, Double> withoutZeroBucket(TreeMap<Integer, Double> buckets, int schema,
                                                              double threshold) {
        buckets.keySet().removeIf(i -> FloatHistogram.bucketBound(i - 1, schema, null) < threshold);
        return buckets;
    }

    static TreeMap<Integer, Double> byIndex(List<Span> spans, double[] counts) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        int index = 0;
        int i = 0;
        for (Span s : spans) {
            index += s.offset();
            for (int k = 0; k < s.length() && i < counts.length; k++) {
                out.merge(index++, counts[i++], Double::sum);
            }
        }
        return out;
    }

    /** Prometheus's {@code CopyToSchema}: h at a lower exponential schema (unchanged at its own or a finer one). */
    static FloatHistogram toSchema(FloatHistogram h, int schema) {
        if (h.usesCustomBuckets() || schema >= h.schema()) {
            return h;
        }
        TreeMap<Integer, Double> positive = reduced(byIndex(h.positiveSpans(), h.positiveBuckets()), h.schema(),
                schema);
        TreeMap<Integer, Double> negative = reduced(byIndex(h.negativeSpans(), h.negativeBuckets()), h.schema(),
                schema);
        return h.toBuilder().schema(schema).positive(spans(positive), counts(positive))
                .negative(spans(negative), counts(negative)).build();
    }

    /** Buckets merged into a lower-resolution schema (every 2^(from-to) neighbours become one). */
    private static TreeMap<Integer, Double> reduced(TreeMap<Integer, Double> buckets, int from, int to) {
        if (from == to) {
            return buckets;
        }
        TreeMap<Integer, Double> out = new TreeMap<>();
        buckets.forEach((i, c) -> out.merge(((i - 1) >> (from - to)) + 1, c, Double::sum));
        return out;
    }

    /** A custom-buckets histogram's buckets mapped onto a subset of its bounds (each into the first wider bucket). */
    private static TreeMap<Integer, Double> onBounds(FloatHistogram h, double[] bounds) {
        TreeMap<Integer, Double> buckets = byIndex(h.positiveSpans(), h.positiveBuckets());
        if (bounds == h.customValues()) {
            return buckets;
        }
        TreeMap<Integer, Double> out = new TreeMap<>();
        buckets.forEach((i, c) -> {
            double upper = FloatHistogram.bucketBound(i, h.schema(), h.customValues());
            int j = 0;
            while (j < bounds.length && bounds[j] < upper) {
                j++;
            }
            out.merge(j, c, Double::sum);
        });
        return out;
    }

    private static double[] intersect(double[] a, double[] b) {
        double[] out = new double[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length;) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static void addInto(TreeMap<Integer, Double> into, TreeMap<Integer, Double> other, double sign,
                                IntPredicate skipped) {
        other.forEach((i, c) -> {
            if (!skipped.test(i)) {
                into.merge(i, sign * c, Double::sum);
            }
        });
    }

    static Span[] spans(TreeMap<Integer, Double> buckets) {
        List<Span> out = new ArrayList<>();
        Integer previous = null;
        int start = 0;
        int length = 0;
        for (int i : buckets.keySet()) {
            if (previous != null && i == previous + 1) {
                length++;
            } else {
                if (length > 0) {
                    out.add(new Span(start, length));
                }
                start = previous == null ? i : i - previous - 1;
                length = 1;
            }
            previous = i;
        }
        if (length > 0) {
            out.add(new Span(start, length));
        }
        return out.toArray(new Span[0]);
    }

    static double[] counts(TreeMap<Integer, Double> buckets) {
        return buckets.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
