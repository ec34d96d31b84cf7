package io.sloc.promql.ast;

import java.util.List;
import java.util.Objects;

/**
 * An instant vector selector. As in Prometheus, {@code matchers} includes the {@code __name__} equality
 * matcher when a metric name is written before the braces (last, after the matchers in braces); {@code name} is
 * that name or null.
 * {@code at} is null when there is no {@code @} modifier; {@code offsetMs} may be negative. {@code offsetExpr} is a
 * Prometheus 3 offset duration expression ({@code offsetMs} is 0 until the engine resolves it), else null.
 */
public record VectorSelector(String name, List<LabelMatcher> matchers, long offsetMs, AtModifier at,
                             DurationExpr offsetExpr, RangeExtension extension, PositionRange pos) implements Expr {
    public VectorSelector {
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(pos, "pos");
    }

    /** A selector without Prometheus 3's offset expressions and range extensions. */
    public VectorSelector(String name, List<LabelMatcher> matchers, long offsetMs, AtModifier at, PositionRange pos) {
        this(name, matchers, offsetMs, at, null, RangeExtension.NONE, pos);
    }

    public VectorSelector withOffset(long offsetMs, DurationExpr offsetExpr, PositionRange pos) {
        return new VectorSelector(name, matchers, offsetMs, at, offsetExpr, extension, pos);
    }

    public VectorSelector withAt(AtModifier at, PositionRange pos) {
        return new VectorSelector(name, matchers, offsetMs, at, offsetExpr, extension, pos);
    }

    public VectorSelector withExtension(RangeExtension extension, PositionRange pos) {
        return new VectorSelector(name, matchers, offsetMs, at, offsetExpr, extension, pos);
    }

    /** Whether an offset was written, as a duration or a duration expression. */
    public boolean hasOffset() {
        return offsetMs != 0 || offsetExpr != null;
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
