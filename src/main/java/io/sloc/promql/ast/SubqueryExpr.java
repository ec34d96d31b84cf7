package io.sloc.promql.ast;

/**
 * {@code expr[range:step]}; {@code stepMs == 0} means the engine's default step. {@code at} may be null. The
 * {@code *Expr} fields are Prometheus 3 duration expressions (their millisecond fields are 0 until the engine
 * resolves them), else null.
 */
public record SubqueryExpr(Expr expr, long rangeMs, long stepMs, long offsetMs, AtModifier at, DurationExpr rangeExpr,
                           DurationExpr stepExpr, DurationExpr offsetExpr, PositionRange pos) implements Expr {
    public SubqueryExpr(Expr expr, long rangeMs, long stepMs, long offsetMs, AtModifier at, PositionRange pos) {
        this(expr, rangeMs, stepMs, offsetMs, at, null, null, null, pos);
    }

    public SubqueryExpr withOffset(long offsetMs, DurationExpr offsetExpr, PositionRange pos) {
        return new SubqueryExpr(expr, rangeMs, stepMs, offsetMs, at, rangeExpr, stepExpr, offsetExpr, pos);
    }

    public SubqueryExpr withAt(AtModifier at, PositionRange pos) {
        return new SubqueryExpr(expr, rangeMs, stepMs, offsetMs, at, rangeExpr, stepExpr, offsetExpr, pos);
    }

    public SubqueryExpr withExpr(Expr expr, PositionRange pos) {
        return new SubqueryExpr(expr, rangeMs, stepMs, offsetMs, at, rangeExpr, stepExpr, offsetExpr, pos);
    }

    /** Whether an offset was written, as a duration or a duration expression. */
    public boolean hasOffset() {
        return offsetMs != 0 || offsetExpr != null;
    }
    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitSubquery(this);
    }
}
