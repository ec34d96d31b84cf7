package io.sloc.promql.ast;

public record ParenExpr(Expr expr, PositionRange pos) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitParen(this);
    }
}
