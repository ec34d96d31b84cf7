package io.sloc.promql.ast;

import io.sloc.promql.parser.PromqlPrinter;

/**
 * A PromQL expression node. Immutable; {@link #pos()} locates it in the query text.
 * {@code PromqlPrinter.print(expr)} re-parses to an equal node (positions aside).
 */
public sealed interface Expr
        permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, SubqueryExpr, ParenExpr,
                UnaryExpr, BinaryExpr, Call, AggregateExpr {

    PositionRange pos();

    ValueType type();

    <R> R accept(ExprVisitor<R> visitor);
}
