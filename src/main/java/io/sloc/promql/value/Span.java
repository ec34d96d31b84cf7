package io.sloc.promql.value;

/**
 * A run of {@code length} consecutive buckets of a native histogram, starting {@code offset} bucket indices after the
 * end of the previous span (for the first span: at bucket index {@code offset}).
 */
public record Span(int offset, int length) {
}
