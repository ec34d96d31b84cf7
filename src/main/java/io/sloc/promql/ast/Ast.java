package io.sloc.promql.ast;

import java.util.ArrayList;
import java.util.List;

/** Structural helpers for comparing ASTs regardless of where they came from. */
public final class Ast {
    private Ast() {
    }

    /** A copy with every position set to {@link PositionRange#NONE}, for equality that ignores source text. */
    public static Expr withoutPositions(Expr expr) {
        return expr.accept(new Copy(false));
    }

    /** Like {@link #withoutPositions} and also without {@link ParenExpr} nodes, which do not change meaning. */
    public static Expr withoutParentheses(Expr expr) {
        return expr.accept(new Copy(true));
    }

    private static final class Copy implements ExprVisitor<Expr> {
        private static final PositionRange NONE = PositionRange.NONE;
        private final boolean dropParens;

        Copy(boolean dropParens) {
            this.dropParens = dropParens;
        }

        private Expr copy(Expr e) {
            return e == null ? null : e.accept(this);
        }

        private DurationExpr copy(DurationExpr e) {
            return e == null ? null
                    : new DurationExpr(e.op(), copy(e.lhs()), copy(e.rhs()), e.value(), e.wrapped(), NONE);
        }

        @Override
        public Expr visitNumber(NumberLiteral node) {
            return new NumberLiteral(node.value(), NONE);
        }

        @Override
        public Expr visitString(StringLiteral node) {
            return new StringLiteral(node.value(), NONE);
        }

        @Override
        public Expr visitVectorSelector(VectorSelector node) {
            return new VectorSelector(node.name(), node.matchers(), node.offsetMs(), node.at(), copy(node.offsetExpr()),
                    node.extension(), NONE);
        }

        @Override
        public Expr visitMatrixSelector(MatrixSelector node) {
            return new MatrixSelector((VectorSelector) copy(node.selector()), node.rangeMs(), copy(node.rangeExpr()),
                    NONE);
        }

        @Override
        public Expr visitSubquery(SubqueryExpr node) {
            return new SubqueryExpr(copy(node.expr()), node.rangeMs(), node.stepMs(), node.offsetMs(), node.at(),
                    copy(node.rangeExpr()), copy(node.stepExpr()), copy(node.offsetExpr()), NONE);
        }

        @Override
        public Expr visitParen(ParenExpr node) {
            return dropParens ? copy(node.expr()) : new ParenExpr(copy(node.expr()), NONE);
        }

        @Override
        public Expr visitUnary(UnaryExpr node) {
            return new UnaryExpr(node.negate(), copy(node.expr()), NONE);
        }

        @Override
        public Expr visitBinary(BinaryExpr node) {
            return new BinaryExpr(node.op(), copy(node.lhs()), copy(node.rhs()), node.matching(), node.returnBool(), NONE);
        }

        @Override
        public Expr visitCall(Call node) {
            List<Expr> args = new ArrayList<>(node.args().size());
            for (Expr arg : node.args()) {
                args.add(copy(arg));
            }
            return new Call(node.function(), args, NONE);
        }

        @Override
        public Expr visitAggregate(AggregateExpr node) {
            return new AggregateExpr(node.op(), copy(node.expr()), copy(node.param()), node.grouping(), node.without(), NONE);
        }
    }
}
