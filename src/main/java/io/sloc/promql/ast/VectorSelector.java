package io.sloc.promql.ast;

import java.util.List;
import java.util.Objects;

/**
 * An instant vector selector. As in Prometheus, {@code matchers} includes the {@code __name__} equality
 * matcher when a metric name is written before the braces (last, after the matchers in braces); {@code name} is
 * that name or null.
 * {@code at} is null when there is no {@code @} modifier; {@code offsetMs} may be negative.
 */
public record VectorSelector(String name, List<LabelMatcher> matchers, long offsetMs, AtModifier at,
                             PositionRange pos) implements Expr {
    public VectorSelector {
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(pos, "pos");
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitVectorSelector(this);
    }
}
