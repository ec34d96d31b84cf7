package io.sloc.promql.value;

public record StringValue(long timestampMs, String value) implements Value {
}
