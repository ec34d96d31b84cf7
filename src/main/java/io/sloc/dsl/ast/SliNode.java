package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;

/** The {@code sli} of an SLO: one of three kinds. */
public sealed interface SliNode {
    SourceLocation location();

    /** {@code sli ratio { errors `...` | good `...`; total `...` }}: fields may be null when not written. */
    record Ratio(PromqlText errors, PromqlText good, PromqlText total, SourceLocation location) implements SliNode {
    }

    /**
     * {@code sli latency { histogram `...`; faster_than 5ms }} over a classic histogram, or
     * {@code sli latency { native_histogram `...`; faster_than 250ms; schema 3 }} over a native one; fields may be
     * null when not written.
     */
    record Latency(PromqlText histogram, PromqlText nativeHistogram, Located<String> threshold,
                   Located<String> schema, SourceLocation location) implements SliNode {
    }

    /** {@code sli availability `up{...}`}: a 0/1 gauge. */
    record Availability(PromqlText gauge, SourceLocation location) implements SliNode {
    }
}
