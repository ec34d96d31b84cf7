package io.sloc.promql.ast;

/** {@code expr[range:step]}; {@code stepMs == 0} means the engine's default step. {@code at} may be null. */
public record SubqueryExpr(Expr expr, long rangeMs, long stepMs, long offsetMs, AtModifier at, PositionRange pos)
        implements Expr {
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitSubquery(this);
    }
}
