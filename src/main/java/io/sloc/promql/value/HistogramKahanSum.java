package io.sloc.promql.value;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A running sum of histograms with Kahan compensation on every field (Prometheus's {@code KahanAdd}), so that
 * large addends cancelling out do not swallow small ones. Histograms of another bucket layout (schema, zero bucket
 * or custom bounds) are added without compensation, after folding the compensation so far into the sum.
 */
public final class HistogramKahanSum {
    private FloatHistogram layout;
    private CounterResetHint hint;
    private final double[] scalars = new double[3]; // count, sum, zero count
    private final double[] scalarsC = new double[3];
    private TreeMap<Integer, double[]> positive; // bucket index -> {sum, compensation}
    private TreeMap<Integer, double[]> negative;
    private boolean customBoundsReconciled;

    public HistogramKahanSum(FloatHistogram first) {
        reset(first);
    }

    private HistogramKahanSum() {
    }

    /** An independent copy of this running sum. */
    public HistogramKahanSum copy() {
        HistogramKahanSum c = new HistogramKahanSum();
        c.layout = layout;
        c.hint = hint;
        System.arraycopy(scalars, 0, c.scalars, 0, 3);
        System.arraycopy(scalarsC, 0, c.scalarsC, 0, 3);
        c.positive = deepCopy(positive);
        c.negative = deepCopy(negative);
        c.customBoundsReconciled = customBoundsReconciled;
        return c;
    }

    private static TreeMap<Integer, double[]> deepCopy(TreeMap<Integer, double[]> buckets) {
        TreeMap<Integer, double[]> out = new TreeMap<>();
        buckets.forEach((i, kc) -> out.put(i, kc.clone()));
        return out;
    }

    private void reset(FloatHistogram h) {
        layout = h;
        hint = h.counterResetHint();
        scalars[0] = h.count();
        scalars[1] = h.sum();
        scalars[2] = h.zeroCount();
        Arrays.fill(scalarsC, 0);
        positive = compensated(h.positiveSpans().toArray(new Span[0]), h.positiveBuckets());
        negative = compensated(h.negativeSpans().toArray(new Span[0]), h.negativeBuckets());
    }

    private static TreeMap<Integer, double[]> compensated(Span[] spans, double[] counts) {
        TreeMap<Integer, double[]> out = new TreeMap<>();
        HistogramArithmetic.byIndex(List.of(spans), counts).forEach((i, c) -> out.put(i, new double[] {c, 0}));
        return out;
    }

    /**
     * Adds h.
     *
     * @throws HistogramException when one has custom buckets and the other exponential ones
     */
    public void add(FloatHistogram h) {
        if (!sameLayout(h)) {
            FloatHistogram.Combined combined = value(1).add(h);
            customBoundsReconciled |= combined.customBoundsReconciled();
            reset(combined.histogram());
            return;
        }
        hint = hint == h.counterResetHint() ? hint
                : hint == CounterResetHint.GAUGE || h.counterResetHint() == CounterResetHint.GAUGE
                ? CounterResetHint.GAUGE : CounterResetHint.UNKNOWN;
        inc(scalars, scalarsC, 0, h.count());
        inc(scalars, scalarsC, 1, h.sum());
        inc(scalars, scalarsC, 2, h.zeroCount());
        addBuckets(positive, h.positiveSpans().toArray(new Span[0]), h.positiveBuckets());
        addBuckets(negative, h.negativeSpans().toArray(new Span[0]), h.negativeBuckets());
    }

    private static void addBuckets(TreeMap<Integer, double[]> into, Span[] spans, double[] counts) {
        HistogramArithmetic.byIndex(List.of(spans), counts).forEach((i, c) -> {
            double[] kc = into.computeIfAbsent(i, k -> new double[2]);
            double[] pair = {kc[0]};
            double[] comp = {kc[1]};
            inc(pair, comp, 0, c);
            kc[0] = pair[0];
            kc[1] = comp[0];
        });
    }

    /** Prometheus's kahansum.Inc on {@code sums[i]}: an infinite sum drops its compensation. */
    private static void inc(double[] sums, double[] compensations, int i, double inc) {
        double sum = sums[i];
        double t = sum + inc;
        if (Double.isInfinite(t)) {
            compensations[i] = 0;
        } else if (Math.abs(sum) >= Math.abs(inc)) {
            compensations[i] += (sum - t) + inc;
        } else {
            compensations[i] += (inc - t) + sum;
        }
        sums[i] = t;
    }

    private boolean sameLayout(FloatHistogram h) {
        if (h.usesCustomBuckets() != layout.usesCustomBuckets()) {
            throw new HistogramException(HistogramException.INCOMPATIBLE_SCHEMA);
        }
        return h.schema() == layout.schema() && h.zeroThreshold() == layout.zeroThreshold()
                && Arrays.equals(h.customValues(), layout.customValues());
    }

    /** Multiplies the sum and its compensation by {@code factor} (the incremental mean's rescaling). */
    public void multiply(double factor) {
        apply(factor, false);
    }

    /** Divides the sum and its compensation by {@code divisor} (turning a sum into a mean). */
    public void divide(double divisor) {
        apply(divisor, true);
    }

    private void apply(double operand, boolean divide) {
        for (int i = 0; i < 3; i++) {
            scalars[i] = divide ? scalars[i] / operand : scalars[i] * operand;
            scalarsC[i] = divide ? scalarsC[i] / operand : scalarsC[i] * operand;
        }
        for (Map<Integer, double[]> buckets : List.of(positive, negative)) {
            for (double[] kc : buckets.values()) {
                kc[0] = divide ? kc[0] / operand : kc[0] * operand;
                kc[1] = divide ? kc[1] / operand : kc[1] * operand;
            }
        }
    }

    /** Whether a count, the sum or a bucket has become infinite. */
    public boolean hasOverflow() {
        for (double v : scalars) {
            if (Double.isInfinite(v)) {
                return true;
            }
        }
        for (Map<Integer, double[]> buckets : List.of(positive, negative)) {
            for (double[] kc : buckets.values()) {
                if (Double.isInfinite(kc[0])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether adding reconciled differing custom bucket bounds. */
    public boolean customBoundsReconciled() {
        return customBoundsReconciled;
    }

    /** The sum so far divided by {@code divisor}: each field's sum and compensation divided, then added. */
    public FloatHistogram value(double divisor) {
        TreeMap<Integer, Double> p = new TreeMap<>();
        positive.forEach((i, kc) -> p.put(i, kc[0] / divisor + kc[1] / divisor));
        TreeMap<Integer, Double> n = new TreeMap<>();
        negative.forEach((i, kc) -> n.put(i, kc[0] / divisor + kc[1] / divisor));
        return layout.toBuilder().counterResetHint(hint)
                .count(scalars[0] / divisor + scalarsC[0] / divisor)
                .sum(scalars[1] / divisor + scalarsC[1] / divisor)
                .zeroCount(scalars[2] / divisor + scalarsC[2] / divisor)
                .positive(HistogramArithmetic.spans(p), HistogramArithmetic.counts(p))
                .negative(HistogramArithmetic.spans(n), HistogramArithmetic.counts(n)).build();
    }
}
