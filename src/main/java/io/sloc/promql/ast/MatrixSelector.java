package io.sloc.promql.ast;

/** {@code selector[range]}; offset and {@code @} live on the inner selector, as in Prometheus. */
public record MatrixSelector(VectorSelector selector, long rangeMs, PositionRange pos) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitMatrixSelector(this);
    }
}
