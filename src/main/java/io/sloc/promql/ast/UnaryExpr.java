package io.sloc.promql.ast;

/** Unary {@code -expr} ({@code negate}) or {@code +expr}. */
public record UnaryExpr(boolean negate, Expr expr, PositionRange pos) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitUnary(this);
    }
}
