package io.sloc.promql.value;

/**
 * One element of an instant vector: labels, timestamp (ms) and value: a float, or a native histogram when
 * {@code histogram} is not null (then {@code value} is 0). {@code dropName} marks a sample whose metric name (and other
 * metadata labels) an operation dropped while Prometheus 3's delayed name removal keeps them until the query's end.
 */
public record Sample(Labels metric, long timestampMs, double value, boolean dropName, FloatHistogram histogram) {
    public Sample(Labels metric, long timestampMs, double value) {
        this(metric, timestampMs, value, false, null);
    }

    public Sample(Labels metric, long timestampMs, double value, boolean dropName) {
        this(metric, timestampMs, value, dropName, null);
    }

    /** A native-histogram sample. */
    public Sample(Labels metric, long timestampMs, FloatHistogram histogram, boolean dropName) {
        this(metric, timestampMs, 0, dropName, histogram);
    }

    public boolean isHistogram() {
        return histogram != null;
    }

    /** This sample (float or histogram) at another time, its name-dropping mark kept. */
    public Sample at(long t) {
        return new Sample(metric, t, value, dropName, histogram);
    }

    /** This sample with another value at another time, its name-dropping mark kept. */
    public Sample at(long t, double v) {
        return new Sample(metric, t, v, dropName);
    }

    /** This sample with a histogram value at another time, its name-dropping mark kept. */
    public Sample at(long t, FloatHistogram h) {
        return new Sample(metric, t, h, dropName);
    }

    @Override
    public String toString() {
        return metric + " => " + (histogram != null ? histogram.testExpression() : value) + " @" + timestampMs;
    }
}
