package io.sloc.promql.ast;

import java.util.Objects;

public record StringLiteral(String value, PositionRange pos) implements Expr {
    public StringLiteral {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitString(this);
    }
}
