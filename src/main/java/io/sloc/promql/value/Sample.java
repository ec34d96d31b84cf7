package io.sloc.promql.value;

/** One element of an instant vector: labels, timestamp (ms) and value. */
public record Sample(Labels metric, long timestampMs, double value) {
    @Override
    public String toString() {
        return metric + " => " + value + " @" + timestampMs;
    }
}
