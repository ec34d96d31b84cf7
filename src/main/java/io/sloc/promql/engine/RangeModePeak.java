package io.sloc.promql.engine;

import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.ValueType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus evaluates a subquery's inner expression node by node over all of its steps, so an operator holds
 * every step of its inputs while it runs. We evaluate step by step; this records each node's outputs over the
 * steps and works out the sample count Prometheus would reach, so that the maxSamples limit fails where
 * Prometheus's does. (The transient range-selector windows of range functions are not included.)
 */
final class RangeModePeak {
    /** Per node: [0] outputs summed over the steps so far, [1] the highest "outputs so far + step inputs". */
    private final Map<Expr, long[]> totals = new IdentityHashMap<>();

    /** Whether the inner expression can be tracked: nested subqueries overlap their steps, so they are not. */
    static boolean supports(Expr inner) {
        if (inner instanceof SubqueryExpr) {
            return false;
        }
        for (Expr child : children(inner)) {
            if (!supports(child)) {
                return false;
            }
        }
        return true;
    }

    /** Records one step of a node: its output and (for operators) the inputs it gathered at that step. */
    void record(Expr node, long output, long gathered) {
        long[] t = totals.computeIfAbsent(node, k -> new long[2]);
        t[0] += output;
        t[1] = Math.max(t[1], t[0] + gathered);
    }

    /** The highest count Prometheus reaches evaluating {@code node} over all steps, starting from {@code base}. */
    long peak(Expr node, long base) {
        if (node instanceof ParenExpr p) {
            return peak(p.expr(), base);
        }
        if (node instanceof UnaryExpr u) {
            return peak(u.expr(), base);
        }
        long peak = base;
        long held = base;
        for (Expr child : children(node)) {
            if (child.type() == ValueType.MATRIX || child instanceof StringLiteral) {
                continue; // range arguments are read series by series; strings are no samples
            }
            peak = Math.max(peak, peak(child, held));
            held += total(child);
        }
        long[] t = totals.get(node);
        if (t != null) {
            peak = Math.max(peak, held + Math.max(t[0], t[1]));
        }
        return peak;
    }

    private long total(Expr node) {
        if (node instanceof ParenExpr p) {
            return total(p.expr());
        }
        long[] t = totals.get(node);
        return t == null ? 0 : t[0];
    }

    private static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof ParenExpr p) {
            out.add(p.expr());
        } else if (e instanceof UnaryExpr u) {
            out.add(u.expr());
        } else if (e instanceof BinaryExpr b) {
            out.add(b.lhs());
            out.add(b.rhs());
        } else if (e instanceof AggregateExpr a) {
            if (a.param() != null) {
                out.add(a.param());
            }
            out.add(a.expr());
        } else if (e instanceof Call c) {
            out.addAll(c.args());
        } else if (e instanceof MatrixSelector m) {
            out.add(m.selector());
        } else if (e instanceof SubqueryExpr s) {
            out.add(s.expr());
        }
        return out;
    }
}
