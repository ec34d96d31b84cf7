package io.sloc.promql.ast;

public record NumberLiteral(double value, PositionRange pos) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNumber(this);
    }
}
