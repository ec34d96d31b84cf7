package io.sloc.promql.ast;

import java.util.ArrayList;
import java.util.List;

/** Every vector selector in an expression, in source order (those inside range selectors and subqueries too). */
public final class Selectors implements ExprVisitor<Void> {
    private final List<VectorSelector> found = new ArrayList<>();

    private Selectors() {
    }

    public static List<VectorSelector> in(Expr expr) {
        Selectors visitor = new Selectors();
        expr.accept(visitor);
        return List.copyOf(visitor.found);
    }

    @Override
    public Void visitNumber(NumberLiteral node) {
        return null;
    }

    @Override
    public Void visitString(StringLiteral node) {
        return null;
    }

    @Override
    public Void visitVectorSelector(VectorSelector node) {
        found.add(node);
        return null;
    }

    @Override
    public Void visitMatrixSelector(MatrixSelector node) {
        return node.selector().accept(this);
    }

    @Override
    public Void visitSubquery(SubqueryExpr node) {
        return node.expr().accept(this);
    }

    @Override
    public Void visitParen(ParenExpr node) {
        return node.expr().accept(this);
    }

    @Override
    public Void visitUnary(UnaryExpr node) {
        return node.expr().accept(this);
    }

    @Override
    public Void visitBinary(BinaryExpr node) {
        node.lhs().accept(this);
        return node.rhs().accept(this);
    }

    @Override
    public Void visitCall(Call node) {
        node.args().forEach(arg -> arg.accept(this));
        return null;
    }

    @Override
    public Void visitAggregate(AggregateExpr node) {
        if (node.param() != null) {
            node.param().accept(this);
        }
        return node.expr().accept(this);
    }
}
