package io.sloc.promql.parser;

import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.ExprVisitor;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.VectorSelector;

/** Rejects ASTs deeper than {@link PromqlParser#MAX_NESTING}, so that recursive consumers cannot overflow. */
final class Depth implements ExprVisitor<Integer> {
    private static final Depth INSTANCE = new Depth();

    static void check(Expr expr) {
        if (expr.accept(INSTANCE) > PromqlParser.MAX_NESTING) {
            throw new QueryError(expr.pos().start(), expr.pos().end(), PromqlParser.TOO_DEEP);
        }
    }

    private static int of(Expr e) {
        return e == null ? 0 : e.accept(INSTANCE);
    }

    @Override
    public Integer visitNumber(NumberLiteral node) {
        return 1;
    }

    @Override
    public Integer visitString(StringLiteral node) {
        return 1;
    }

    @Override
    public Integer visitVectorSelector(VectorSelector node) {
        return 1;
    }

    @Override
    public Integer visitMatrixSelector(MatrixSelector node) {
        return 2;
    }

    @Override
    public Integer visitSubquery(SubqueryExpr node) {
        return 1 + of(node.expr());
    }

    @Override
    public Integer visitParen(ParenExpr node) {
        return 1 + of(node.expr());
    }

    @Override
    public Integer visitUnary(UnaryExpr node) {
        return 1 + of(node.expr());
    }

    @Override
    public Integer visitBinary(BinaryExpr node) {
        return 1 + Math.max(of(node.lhs()), of(node.rhs()));
    }

    @Override
    public Integer visitCall(Call node) {
        int max = 0;
        for (Expr arg : node.args()) {
            max = Math.max(max, of(arg));
        }
        return 1 + max;
    }

    @Override
    public Integer visitAggregate(AggregateExpr node) {
        return 1 + Math.max(of(node.expr()), of(node.param()));
    }
}
