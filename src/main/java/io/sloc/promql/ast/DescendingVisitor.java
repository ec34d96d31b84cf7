package io.sloc.promql.ast;

/**
 * Visits every node of an expression, children in source order; subclasses override the nodes they look at (and
 * call {@code super} or visit the children themselves to keep descending).
 */
public abstract class DescendingVisitor implements ExprVisitor<Void> {
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
