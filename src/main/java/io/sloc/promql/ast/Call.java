package io.sloc.promql.ast;

import java.util.List;

public record Call(FunctionSignature function, List<Expr> args, PositionRange pos) implements Expr {
    public Call {
        args = List.copyOf(args);
    }

    @Override
    public ValueType type() {
        return function.returnType();
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitCall(this);
    }
}
