package io.sloc.promql.engine;

import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.DurationExpr;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.ExprVisitor;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus 3's query preprocessing (foldQueryContextFunctions, durationVisitor): the functions {@code start()},
 * {@code end()}, {@code range()} and {@code step()} become literals, and every duration expression (range, subquery
 * step, offset) is computed with the query's step and range (both 0 for an instant query) and stored as a fixed
 * duration, so the evaluator only ever sees milliseconds.
 */
final class DurationExpressions implements ExprVisitor<Expr> {
    private final long startMs;
    private final long endMs;
    private final double stepSeconds;
    private final double rangeSeconds;

    private DurationExpressions(long startMs, long endMs, long stepMs) {
        this.startMs = startMs;
        this.endMs = endMs;
        this.stepSeconds = stepMs / 1000.0;
        this.rangeSeconds = (endMs - startMs) / 1000.0;
    }

    /**
     * {@code expr} as evaluated over [startMs, endMs] every stepMs (an instant query: start = end, step 0); the same
     * nodes where there is nothing to resolve.
     */
    static Expr resolve(Expr expr, long startMs, long endMs, long stepMs) {
        return expr.accept(new DurationExpressions(startMs, endMs, stepMs));
    }

    /** The value of a query context function, or null for other functions. */
    private Double queryContext(Call call) {
        if (!call.args().isEmpty()) {
            return null;
        }
        switch (call.function().name()) {
            case "start":
                return startMs / 1000.0;
            case "end":
                return endMs / 1000.0;
            case "range":
                return rangeSeconds;
            case "step":
                return stepSeconds;
            default:
                return null;
        }
    }

    @Override
    public Expr visitVectorSelector(VectorSelector node) {
        if (node.offsetExpr() == null) {
            return node;
        }
        return node.withOffset(milliseconds(node.offsetExpr(), true), null, node.pos());
    }

    @Override
    public Expr visitMatrixSelector(MatrixSelector node) {
        VectorSelector selector = (VectorSelector) node.selector().accept(this);
        if (node.rangeExpr() == null) {
            return selector == node.selector() ? node : node.withSelector(selector, node.pos());
        }
        return new MatrixSelector(selector, milliseconds(node.rangeExpr(), false), null, node.pos());
    }

    @Override
    public Expr visitSubquery(SubqueryExpr node) {
        Expr inner = node.expr().accept(this);
        if (node.offsetExpr() == null && node.stepExpr() == null && node.rangeExpr() == null) {
            return inner == node.expr() ? node : node.withExpr(inner, node.pos());
        }
        long offset = node.offsetExpr() == null ? node.offsetMs() : milliseconds(node.offsetExpr(), true);
        long step = node.stepExpr() == null ? node.stepMs() : milliseconds(node.stepExpr(), false);
        long range = node.rangeExpr() == null ? node.rangeMs() : milliseconds(node.rangeExpr(), false);
        return new SubqueryExpr(inner, range, step, offset, node.at(), node.pos());
    }

    /** durations.go's calculateDuration, in milliseconds as Prometheus truncates it. */
    private long milliseconds(DurationExpr expr, boolean negativeAllowed) {
        double seconds = seconds(expr);
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw error(expr, "duration is NaN or infinite");
        }
        if (seconds <= 0 && !negativeAllowed) {
            throw error(expr, "duration must be greater than 0");
        }
        if (seconds > 0x1p63 / 1e9 || seconds < -0x1p63 / 1e9) {
            throw error(expr, "duration is out of range");
        }
        return (long) (seconds * 1000);
    }

    private double seconds(DurationExpr e) {
        double lhs = e.lhs() == null ? 0 : seconds(e.lhs());
        double rhs = e.rhs() == null ? 0 : seconds(e.rhs());
        switch (e.op()) {
            case NUMBER:
            case DURATION:
                return e.value();
            case STEP:
                return stepSeconds;
            case RANGE:
                return rangeSeconds;
            case MIN_OF:
                return Math.min(lhs, rhs);
            case MAX_OF:
                return Math.max(lhs, rhs);
            case ADD:
                return lhs + rhs;
            case SUB:
                return lhs - rhs;
            case MUL:
                return lhs * rhs;
            case DIV:
                if (rhs == 0) {
                    throw error(e, "division by zero");
                }
                return lhs / rhs;
            case MOD:
                if (rhs == 0) {
                    throw error(e, "modulo by zero");
                }
                return lhs % rhs;
            default:
                return Math.pow(lhs, rhs);
        }
    }

    private static PromqlEvalException error(DurationExpr e, String message) {
        return new PromqlEvalException(e.pos().start() + ":" + e.pos().end() + ": " + message);
    }

    @Override
    public Expr visitNumber(NumberLiteral node) {
        return node;
    }

    @Override
    public Expr visitString(StringLiteral node) {
        return node;
    }

    @Override
    public Expr visitParen(ParenExpr node) {
        Expr inner = node.expr().accept(this);
        return inner == node.expr() ? node : new ParenExpr(inner, node.pos());
    }

    @Override
    public Expr visitUnary(UnaryExpr node) {
        Expr inner = node.expr().accept(this);
        return inner == node.expr() ? node : new UnaryExpr(node.negate(), inner, node.pos());
    }

    @Override
    public Expr visitBinary(BinaryExpr node) {
        Expr lhs = node.lhs().accept(this);
        Expr rhs = node.rhs().accept(this);
        return lhs == node.lhs() && rhs == node.rhs() ? node
                : new BinaryExpr(node.op(), lhs, rhs, node.matching(), node.returnBool(), node.pos());
    }

    @Override
    public Expr visitCall(Call node) {
        Double value = queryContext(node);
        if (value != null) {
            return new NumberLiteral(value, node.pos());
        }
        List<Expr> args = null; // until an argument changes
        for (int i = 0; i < node.args().size(); i++) {
            Expr arg = node.args().get(i);
            Expr resolved = arg.accept(this);
            if (resolved != arg && args == null) {
                args = new ArrayList<>(node.args());
            }
            if (args != null) {
                args.set(i, resolved);
            }
        }
        return args != null ? new Call(node.function(), args, node.pos()) : node;
    }

    @Override
    public Expr visitAggregate(AggregateExpr node) {
        Expr param = node.param() == null ? null : node.param().accept(this);
        Expr inner = node.expr().accept(this);
        return param == node.param() && inner == node.expr() ? node
                : new AggregateExpr(node.op(), inner, param, node.grouping(), node.without(), node.pos());
    }
}
