package io.sloc.promql.ast;

import java.util.List;

/** {@code op [by|without (grouping)] ([param,] expr)}; {@code param} is null for ops without one. */
public record AggregateExpr(AggregationOp op, Expr expr, Expr param, List<String> grouping, boolean without,
                            PositionRange pos) implements Expr {
    public AggregateExpr {
        grouping = List.copyOf(grouping);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitAggregate(this);
    }
}
