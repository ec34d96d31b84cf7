package io.sloc.promql.ast;

/**
 * {@code selector[range]}; offset, {@code @} and range extensions live on the inner selector, as in Prometheus.
 * {@code rangeExpr} is a Prometheus 3 duration expression ({@code rangeMs} is 0 until the engine resolves it), else
 * null.
 */
public record MatrixSelector(VectorSelector selector, long rangeMs, DurationExpr rangeExpr, PositionRange pos)
        implements Expr {
    public MatrixSelector(VectorSelector selector, long rangeMs, PositionRange pos) {
        this(selector, rangeMs, null, pos);
    }

    public MatrixSelector withSelector(VectorSelector selector, PositionRange pos) {
        return new MatrixSelector(selector, rangeMs, rangeExpr, pos);
    }
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitMatrixSelector(this);
    }
}
