package io.sloc.promql.ast;

/**
 * {@code lhs op rhs}. {@code matching} is null when either side is a scalar; {@code returnBool} is the
 * {@code bool} modifier of comparisons.
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool,
                         PositionRange pos) implements Expr {
    @Override
    public ValueType type() {
        return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }
}
