package io.sloc.promql.value;

/**
 * One element of an instant vector: labels, timestamp (ms) and value. {@code dropName} marks a sample whose metric
 * name (and other metadata labels) an operation dropped while Prometheus 3's delayed name removal keeps them until
 * the query's end.
 */
public record Sample(Labels metric, long timestampMs, double value, boolean dropName) {
    public Sample(Labels metric, long timestampMs, double value) {
        this(metric, timestampMs, value, false);
    }

    /** This sample with another value at another time, its name-dropping mark kept. */
    public Sample at(long t, double v) {
        return new Sample(metric, t, v, dropName);
    }

    @Override
    public String toString() {
        return metric + " => " + value + " @" + timestampMs;
    }
}
