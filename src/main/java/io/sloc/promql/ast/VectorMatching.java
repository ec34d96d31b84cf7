package io.sloc.promql.ast;

import java.util.List;

/**
 * How two vectors are matched: {@code on(labels)} when {@code on}, else {@code ignoring(labels)}
 * (an empty ignoring list is the default). {@code include} holds the extra labels of group_left/right.
 * The parser sets set operators (and, or, unless) to {@link Cardinality#MANY_TO_MANY}, others to one-to-one unless
 * grouped. {@code fillLeft}/{@code fillRight} are Prometheus 3's binop fill modifiers: the value a missing left or
 * right operand takes (null: no fill, unmatched series drop out).
 */
public record VectorMatching(Cardinality cardinality, List<String> labels, boolean on, List<String> include,
                             Double fillLeft, Double fillRight) {
    public enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    public VectorMatching {
        labels = List.copyOf(labels);
        include = List.copyOf(include);
    }

    public VectorMatching(Cardinality cardinality, List<String> labels, boolean on, List<String> include) {
        this(cardinality, labels, on, include, null, null);
    }

    public VectorMatching withCardinality(Cardinality cardinality) {
        return new VectorMatching(cardinality, labels, on, include, fillLeft, fillRight);
    }

    public boolean fills() {
        return fillLeft != null || fillRight != null;
    }
}
