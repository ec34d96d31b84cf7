package io.sloc.promql.value;

import io.sloc.golang.strconv.GoFloat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * A native histogram with float counts (Prometheus's {@code FloatHistogram}): exponential buckets (schema -4 to 8,
 * each power of two split into 2^schema buckets, a zero bucket of width {@code zeroThreshold} around 0) or custom
 * buckets (schema -53, upper bounds in {@code customValues}, positive buckets only). Bucket counts are absolute.
 *
 * <p>Immutable: operations return new histograms. The arrays given to the {@link Builder} become the histogram's, and
 * the arrays the accessors return are the histogram's own: callers must not modify either.
 */
public final class FloatHistogram {
    public static final int CUSTOM_BUCKETS_SCHEMA = -53;
    public static final int MIN_EXPONENTIAL_SCHEMA = -4;
    public static final int MAX_EXPONENTIAL_SCHEMA = 8;
    private static final Span[] NO_SPANS = {};
    private static final double[] NO_COUNTS = {};

    private final CounterResetHint counterResetHint;
    private final int schema;
    private final double zeroThreshold;
    private final double zeroCount;
    private final double count;
    private final double sum;
    private final Span[] positiveSpans;
    private final double[] positiveBuckets;
    private final Span[] negativeSpans;
    private final double[] negativeBuckets;
    private final double[] customValues;

    private FloatHistogram(Builder b) {
        counterResetHint = b.counterResetHint;
        schema = b.schema;
        zeroThreshold = b.zeroThreshold;
        zeroCount = b.zeroCount;
        count = b.count;
        sum = b.sum;
        positiveSpans = b.positiveSpans;
        positiveBuckets = b.positiveBuckets;
        negativeSpans = b.negativeSpans;
        negativeBuckets = b.negativeBuckets;
        customValues = b.customValues;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this histogram's fields (sharing its arrays: replace them, don't modify them). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.counterResetHint = counterResetHint;
        b.schema = schema;
        b.zeroThreshold = zeroThreshold;
        b.zeroCount = zeroCount;
        b.count = count;
        b.sum = sum;
        b.positiveSpans = positiveSpans;
        b.positiveBuckets = positiveBuckets;
        b.negativeSpans = negativeSpans;
        b.negativeBuckets = negativeBuckets;
        b.customValues = customValues;
        return b;
    }

    public CounterResetHint counterResetHint() {
        return counterResetHint;
    }

    public int schema() {
        return schema;
    }

    public boolean usesCustomBuckets() {
        return schema == CUSTOM_BUCKETS_SCHEMA;
    }

    public double zeroThreshold() {
        return zeroThreshold;
    }

    public double zeroCount() {
        return zeroCount;
    }

    public double count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public List<Span> positiveSpans() {
        return List.of(positiveSpans);
    }

    /** The positive buckets' counts, in the order of {@link #positiveSpans()}. Do not modify. */
    public double[] positiveBuckets() {
        return positiveBuckets;
    }

    public List<Span> negativeSpans() {
        return List.of(negativeSpans);
    }

    /** The negative buckets' counts, in the order of {@link #negativeSpans()}. Do not modify. */
    public double[] negativeBuckets() {
        return negativeBuckets;
    }

    /** The custom buckets' upper bounds (empty for exponential schemas). Do not modify. */
    public double[] customValues() {
        return customValues;
    }

    /**
     * The bytes Prometheus 3 reckons this histogram takes in memory on a 64-bit machine (its FloatHistogram.Size):
     * a 168-byte struct plus 8 bytes per span, bucket and custom bound.
     */
    public int sizeInBytes() {
        return 168 + 8 * (positiveSpans.length + negativeSpans.length + positiveBuckets.length
                + negativeBuckets.length + customValues.length);
    }

    public FloatHistogram withCounterResetHint(CounterResetHint hint) {
        return hint == counterResetHint ? this : toBuilder().counterResetHint(hint).build();
    }

    /** Every count and the sum scaled by {@code factor}; a negative factor makes it a gauge histogram. */
    public FloatHistogram mul(double factor) {
        return scaled(factor, false);
    }

    /** Every count and the sum divided by {@code divisor}; dividing by 0 removes the buckets (the counts become Inf). */
    public FloatHistogram div(double divisor) {
        return scaled(divisor, true);
    }

    private FloatHistogram scaled(double operand, boolean divide) {
        Builder b = toBuilder()
                .zeroCount(apply(zeroCount, operand, divide))
                .count(apply(count, operand, divide))
                .sum(apply(sum, operand, divide));
        if (divide && operand == 0) {
            b.positive(NO_SPANS, NO_COUNTS).negative(NO_SPANS, NO_COUNTS);
        } else {
            b.positive(positiveSpans, applyAll(positiveBuckets, operand, divide))
                    .negative(negativeSpans, applyAll(negativeBuckets, operand, divide));
        }
        if (operand < 0) {
            b.counterResetHint(CounterResetHint.GAUGE);
        }
        return b.build();
    }

    private static double apply(double v, double operand, boolean divide) {
        return divide ? v / operand : v * operand;
    }

    private static double[] applyAll(double[] counts, double operand, boolean divide) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = apply(counts[i], operand, divide);
        }
        return out;
    }

    /** The result of {@link #add} or {@link #sub}, with what Prometheus reports about it. */
    public record Combined(FloatHistogram histogram, boolean counterResetCollision, boolean customBoundsReconciled) {
    }

    /**
     * This histogram plus {@code other} (Prometheus's {@code Add}).
     *
     * @throws HistogramException when one has custom buckets and the other exponential ones
     */
    public Combined add(FloatHistogram other) {
        return HistogramArithmetic.combine(this, other, false);
    }

    /** This histogram minus {@code other} (Prometheus's {@code Sub}); throws as {@link #add}. */
    public Combined sub(FloatHistogram other) {
        return HistogramArithmetic.combine(this, other, true);
    }

    /** This histogram with its buckets merged into a lower exponential schema (Prometheus's {@code CopyToSchema}). */
    public FloatHistogram toSchema(int lowerSchema) {
        return HistogramArithmetic.toSchema(this, lowerSchema);
    }

    /**
     * Whether this histogram follows a counter reset after {@code previous} (Prometheus's {@code DetectReset}): its
     * hint if it says reset or not, else a lower count, zero count or bucket, a finer schema, a narrower zero bucket
     * or custom bounds that changed (then compared on the bounds both share).
     */
    public boolean detectReset(FloatHistogram previous) {
        return HistogramArithmetic.detectReset(this, previous);
    }

    /**
     * The upper bound of bucket {@code index} (its lower bound is that of {@code index - 1}): of the custom bounds
     * (+Inf past the last, -Inf at -1), else of the exponential schema (the last finite bucket ends at MAX_VALUE).
     */
    public static double bucketBound(int index, int schema, double[] customValues) {
        if (schema == CUSTOM_BUCKETS_SCHEMA) {
            return index == customValues.length ? Double.POSITIVE_INFINITY
                    : index == -1 ? Double.NEGATIVE_INFINITY : customValues[index];
        }
        if (schema < 0) {
            long exp = (long) index << -schema;
            return exp == 1024 ? Double.MAX_VALUE : Math.scalb(1.0, (int) Math.max(Math.min(exp, 2000), -2000));
        }
        double fraction = ExponentialBounds.FRACTIONS[schema][index & ((1 << schema) - 1)];
        int exp = (index >> schema) + 1;
        if (fraction == 0.5 && exp == 1025) {
            return Double.MAX_VALUE;
        }
        return Math.scalb(fraction, exp);
    }

    /**
     * One bucket with its bounds, as Prometheus's {@code histogram.Bucket}: exponential buckets are open towards zero
     * ({@code (l, u]} above it, {@code [l, u)} below), custom ones {@code (l, u]} with the first one closed at -Inf;
     * {@code index} is the bucket's index in its schema.
     */
    public record Bucket(double lower, double upper, boolean lowerInclusive, boolean upperInclusive, double count,
                         int index) {
    }

    /** The positive buckets by ascending index (empty ones included), as the PositiveBucketIterator. */
    public List<Bucket> positiveBucketList() {
        return bucketList(true);
    }

    /** The negative buckets by ascending index, i.e. from zero outwards, as the NegativeBucketIterator. */
    public List<Bucket> negativeBucketList() {
        return bucketList(false);
    }

    private List<Bucket> bucketList(boolean positive) {
        Span[] spans = positive ? positiveSpans : negativeSpans;
        double[] counts = positive ? positiveBuckets : negativeBuckets;
        List<Bucket> out = new ArrayList<>(counts.length);
        int index = 0;
        int i = 0;
        for (Span span : spans) {
            index += span.offset();
            for (int k = 0; k < span.length() && i < counts.length; k++, index++) {
                double upperBound = bucketBound(index, schema, customValues);
                double lowerBound = bucketBound(index - 1, schema, customValues);
                double lower = positive ? lowerBound : -upperBound;
                double upper = positive ? upperBound : -lowerBound;
                boolean custom = usesCustomBuckets();
                out.add(new Bucket(lower, upper, custom ? index == 0 : lower < 0, custom || upper > 0, counts[i++],
                        index));
            }
        }
        return out;
    }

    /** The zero bucket {@code [-zeroThreshold, zeroThreshold]} (exponential schemas only). */
    public Bucket zeroBucket() {
        return new Bucket(-zeroThreshold, zeroThreshold, true, true, zeroCount, 0);
    }

    /**
     * Every bucket by ascending value, as the AllBucketIterator: negative ones, the zero bucket if populated, positive
     * ones, with bounds inside the zero bucket moved to its edge.
     */
    public List<Bucket> allBuckets() {
        List<Bucket> out = new ArrayList<>();
        List<Bucket> negative = negativeBucketList();
        for (int i = negative.size() - 1; i >= 0; i--) {
            out.add(clippedToZeroBucket(negative.get(i)));
        }
        if (zeroCount > 0) {
            out.add(zeroBucket());
        }
        for (Bucket b : positiveBucketList()) {
            out.add(clippedToZeroBucket(b));
        }
        return out;
    }

    private Bucket clippedToZeroBucket(Bucket b) {
        if (b.upper() < 0 && b.upper() > -zeroThreshold) {
            return new Bucket(b.lower(), -zeroThreshold, b.lowerInclusive(), b.upperInclusive(), b.count(), b.index());
        }
        if (b.lower() > 0 && b.lower() < zeroThreshold) {
            return new Bucket(zeroThreshold, b.upper(), b.lowerInclusive(), b.upperInclusive(), b.count(), b.index());
        }
        return b;
    }

    /**
     * Prometheus's {@code Compact}: empty buckets dropped at the ends of spans, runs of more than
     * {@code maxEmptyBuckets} empty buckets cut out, spans at most that far apart merged (with explicit empty buckets).
     */
    public FloatHistogram compact(int maxEmptyBuckets) {
        CompactBuckets positive = CompactBuckets.of(positiveSpans, positiveBuckets, maxEmptyBuckets);
        CompactBuckets negative = CompactBuckets.of(negativeSpans, negativeBuckets, maxEmptyBuckets);
        return toBuilder().positive(positive.spans, positive.counts).negative(negative.spans, negative.counts).build();
    }

    /**
     * Prometheus's {@code Equals}: same schema, zero bucket, custom bounds and bucket layout (spans may differ by
     * empty spans), counts and sum with the same bits; the counter reset hint is not compared.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof FloatHistogram h && schema == h.schema && sameBits(count, h.count) && sameBits(sum, h.sum)
                && (!usesCustomBuckets() || Arrays.equals(customValues, h.customValues))
                && zeroThreshold == h.zeroThreshold && sameBits(zeroCount, h.zeroCount)
                && spansMatch(negativeSpans(), h.negativeSpans())
                && Arrays.equals(negativeBuckets, h.negativeBuckets)
                && spansMatch(positiveSpans(), h.positiveSpans())
                && Arrays.equals(positiveBuckets, h.positiveBuckets);
    }

    private static boolean sameBits(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    @Override
    public int hashCode() {
        return 31 * schema + Double.hashCode(count);
    }

    /** Whether two span lists describe the same bucket layout, ignoring empty spans (whose offsets add up). */
    public static boolean spansMatch(List<Span> a, List<Span> b) {
        return withoutEmptySpans(a).equals(withoutEmptySpans(b));
    }

    private static List<Span> withoutEmptySpans(List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        int pendingOffset = 0;
        for (Span s : spans) {
            if (s.length() == 0) {
                pendingOffset += s.offset();
            } else {
                out.add(new Span(pendingOffset + s.offset(), s.length()));
                pendingOffset = 0;
            }
        }
        return out;
    }

    /**
     * The notation of Prometheus's test scripts and promtool 3 ({@code TestExpression}), e.g.
     * {@code {{schema:1 count:4 sum:5 z_bucket:1 buckets:[1 2]}}}: compacted to one span per sign, default fields left
     * out.
     */
    public String testExpression() {
        FloatHistogram h = compact(Integer.MAX_VALUE);
        StringJoiner fields = new StringJoiner(" ", "{{", "}}");
        if (h.schema != 0) {
            fields.add("schema:" + h.schema);
        }
        if (h.count != 0) {
            fields.add("count:" + g(h.count));
        }
        if (h.sum != 0) {
            fields.add("sum:" + g(h.sum));
        }
        if (!usesCustomBuckets()) {
            if (h.zeroCount != 0) {
                fields.add("z_bucket:" + g(h.zeroCount));
            }
            if (h.zeroThreshold != 0) {
                fields.add("z_bucket_w:" + g(h.zeroThreshold));
            }
        } else {
            fields.add("custom_values:" + list(customValues));
        }
        switch (h.counterResetHint) {
            case COUNTER_RESET -> fields.add("counter_reset_hint:reset");
            case NOT_COUNTER_RESET -> fields.add("counter_reset_hint:not_reset");
            case GAUGE -> fields.add("counter_reset_hint:gauge");
            case UNKNOWN -> { }
        }
        addBuckets(fields, "buckets", "offset", h.positiveSpans, h.positiveBuckets);
        if (!usesCustomBuckets()) {
            addBuckets(fields, "n_buckets", "n_offset", h.negativeSpans, h.negativeBuckets);
        }
        return fields.toString();
    }

    private static void addBuckets(StringJoiner fields, String bucketsKey, String offsetKey, Span[] spans,
                                   double[] counts) {
        if (spans.length > 0 && spans[0].offset() != 0) {
            fields.add(offsetKey + ":" + spans[0].offset());
        }
        if (counts.length > 0) {
            fields.add(bucketsKey + ":" + list(counts));
        }
    }

    /**
     * Prometheus's {@code String()}: count, sum and the populated buckets by value, e.g.
     * {@code {count:3, sum:2, [-1,-0.5):1, [-0.001,0.001]:1, (0.5,1]:1}} (count_values labels).
     */
    public String summary() {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        j.add("count:" + g(count)).add("sum:" + g(sum));
        List<Bucket> negative = negativeBucketList();
        for (int i = negative.size() - 1; i >= 0; i--) {
            addPopulated(j, negative.get(i));
        }
        if (zeroCount != 0) {
            addPopulated(j, zeroBucket());
        }
        positiveBucketList().forEach(b -> addPopulated(j, b));
        return j.toString();
    }

    private static void addPopulated(StringJoiner j, Bucket b) {
        if (b.count() != 0) {
            j.add((b.lowerInclusive() ? "[" : "(") + g(b.lower()) + "," + g(b.upper())
                    + (b.upperInclusive() ? "]" : ")") + ":" + g(b.count()));
        }
    }

    private static String g(double v) {
        return GoFloat.formatV(v);
    }

    private static String list(double[] values) {
        StringJoiner j = new StringJoiner(" ", "[", "]");
        for (double v : values) {
            j.add(g(v));
        }
        return j.toString();
    }

    @Override
    public String toString() {
        return testExpression();
    }

    /** Collects a histogram's fields; unset fields are Prometheus's defaults (schema 0, no buckets, unknown hint). */
    public static final class Builder {
        private CounterResetHint counterResetHint = CounterResetHint.UNKNOWN;
        private int schema;
        private double zeroThreshold;
        private double zeroCount;
        private double count;
        private double sum;
        private Span[] positiveSpans = NO_SPANS;
        private double[] positiveBuckets = NO_COUNTS;
        private Span[] negativeSpans = NO_SPANS;
        private double[] negativeBuckets = NO_COUNTS;
        private double[] customValues = NO_COUNTS;

        private Builder() {
        }

        public Builder counterResetHint(CounterResetHint hint) {
            counterResetHint = hint;
            return this;
        }

        public Builder schema(int schema) {
            this.schema = schema;
            return this;
        }

        public Builder zeroThreshold(double zeroThreshold) {
            this.zeroThreshold = zeroThreshold;
            return this;
        }

        public Builder zeroCount(double zeroCount) {
            this.zeroCount = zeroCount;
            return this;
        }

        public Builder count(double count) {
            this.count = count;
            return this;
        }

        public Builder sum(double sum) {
            this.sum = sum;
            return this;
        }

        /** The positive buckets: spans and one count per bucket they cover (arrays owned by the histogram). */
        public Builder positive(Span[] spans, double... counts) {
            positiveSpans = spans;
            positiveBuckets = counts;
            return this;
        }

        /** The negative buckets, as {@link #positive}. */
        public Builder negative(Span[] spans, double... counts) {
            negativeSpans = spans;
            negativeBuckets = counts;
            return this;
        }

        public Builder customValues(double[] upperBounds) {
            customValues = upperBounds;
            return this;
        }

        public FloatHistogram build() {
            return new FloatHistogram(this);
        }
    }

    /** Spans and counts after {@link #compact}: the non-empty buckets by index, grouped into spans. */
    private record CompactBuckets(Span[] spans, double[] counts) {
        static CompactBuckets of(Span[] spans, double[] counts, int maxEmptyBuckets) {
            List<Span> outSpans = new ArrayList<>();
            double[] out = new double[counts.length];
            int n = 0;
            int spanOffset = 0;
            int spanLength = 0;
            long lastIndex = 0;
            long index = 0;
            int i = 0;
            for (Span span : spans) {
                index += span.offset();
                for (int k = 0; k < span.length() && i < counts.length; k++, index++) {
                    double c = counts[i++];
                    if (c == 0) {
                        continue;
                    }
                    long gap = index - lastIndex - 1;
                    if (spanLength > 0 && gap <= maxEmptyBuckets) {
                        spanLength += (int) gap + 1;
                        n += (int) gap; // explicit empty buckets
                    } else {
                        if (spanLength > 0) {
                            outSpans.add(new Span(spanOffset, spanLength));
                        }
                        spanOffset = (int) (spanLength > 0 ? gap : index);
                        spanLength = 1;
                    }
                    if (n >= out.length) {
                        out = Arrays.copyOf(out, Math.max(n + 1, out.length * 2));
                    }
                    out[n++] = c;
                    lastIndex = index;
                }
            }
            if (spanLength > 0) {
                outSpans.add(new Span(spanOffset, spanLength));
            }
            return new CompactBuckets(outSpans.toArray(NO_SPANS), n == out.length ? out : Arrays.copyOf(out, n));
        }
    }
}
