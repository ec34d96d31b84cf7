package io.sloc.promql.ast;

/** Double dispatch over the sealed {@link Expr} family (Java 17 has no pattern switch). */
public interface ExprVisitor<R> {
    R visitNumber(NumberLiteral node);

    R visitString(StringLiteral node);

    R visitVectorSelector(VectorSelector node);

    R visitMatrixSelector(MatrixSelector node);

    R visitSubquery(SubqueryExpr node);

    R visitParen(ParenExpr node);

    R visitUnary(UnaryExpr node);

    R visitBinary(BinaryExpr node);

    R visitCall(Call node);

    R visitAggregate(AggregateExpr node);
}
