package io.sloc.promql.value;

public record Scalar(long timestampMs, double value) implements Value {
}
