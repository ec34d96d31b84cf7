package io.sloc.promql.script;

import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AtModifier;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The second extra check of Go's test runner: pin every selector and subquery without {@code @} (outside
 * subqueries, which keep their inner times) to the eval time, then the expression must give the same result at
 * other times. Skipped for expressions whose result depends on the evaluation time by design.
 */
final class AtModifierCases {
    private static final Set<String> TIME_DEPENDENT = Set.of("days_in_month", "day_of_month", "day_of_week",
            "day_of_year", "end", "hour", "minute", "month", "year", "predict_linear", "range", "start", "step", "time",
            "timestamp");

    private AtModifierCases() {
    }

    /** The pinned expression, or null when the expression uses a time-dependent function. */
    static Expr pin(Expr e, long atMs) {
        return usesTimeDependentFunction(e) ? null : rewrite(e, AtModifier.at(atMs));
    }

    /** Additional evaluation times for an eval at {@code t} (ms). */
    static List<Long> evalTimes(long t) {
        return t == 0 ? List.of(-1000L, 0L, 1000L) : List.of(-10 * t, 0L, t / 5, t, 10 * t);
    }

    private static boolean usesTimeDependentFunction(Expr e) {
        if (e instanceof Call c) {
            if (TIME_DEPENDENT.contains(c.function().name())) {
                return true;
            }
            return c.args().stream().anyMatch(AtModifierCases::usesTimeDependentFunction);
        }
        if (e instanceof ParenExpr p) {
            return usesTimeDependentFunction(p.expr());
        }
        if (e instanceof UnaryExpr u) {
            return usesTimeDependentFunction(u.expr());
        }
        if (e instanceof BinaryExpr b) {
            return usesTimeDependentFunction(b.lhs()) || usesTimeDependentFunction(b.rhs());
        }
        if (e instanceof AggregateExpr a) {
            return usesTimeDependentFunction(a.expr()) || (a.param() != null && usesTimeDependentFunction(a.param()));
        }
        if (e instanceof SubqueryExpr s) {
            return usesTimeDependentFunction(s.expr());
        }
        return false;
    }

    private static Expr rewrite(Expr e, AtModifier at) {
        if (e instanceof VectorSelector v) {
            return v.at() != null ? v : v.withAt(at, v.pos());
        }
        if (e instanceof MatrixSelector m) {
            return m.withSelector((VectorSelector) rewrite(m.selector(), at), m.pos());
        }
        if (e instanceof SubqueryExpr s) {
            // the subquery gets the time; what is inside it keeps its relative times
            return s.at() != null ? s : s.withAt(at, s.pos());
        }
        if (e instanceof ParenExpr p) {
            return new ParenExpr(rewrite(p.expr(), at), p.pos());
        }
        if (e instanceof UnaryExpr u) {
            return new UnaryExpr(u.negate(), rewrite(u.expr(), at), u.pos());
        }
        if (e instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), rewrite(b.lhs(), at), rewrite(b.rhs(), at), b.matching(), b.returnBool(),
                    b.pos());
        }
        if (e instanceof Call c) {
            List<Expr> args = new ArrayList<>();
            c.args().forEach(a -> args.add(rewrite(a, at)));
            return new Call(c.function(), args, c.pos());
        }
        if (e instanceof AggregateExpr a) {
            return new AggregateExpr(a.op(), rewrite(a.expr(), at), a.param() == null ? null : rewrite(a.param(), at),
                    a.grouping(), a.without(), a.pos());
        }
        return e; // literals
    }
}
