package io.sloc.emit.tests;

import io.sloc.promql.ast.AggregateExpr;
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

/** The vector selectors an expression reads, in source order. */
final class Selectors {
    private Selectors() {
    }

    static List<VectorSelector> in(Expr expr) {
        List<VectorSelector> out = new ArrayList<>();
        collect(expr, out);
        return out;
    }

    private static void collect(Expr expr, List<VectorSelector> out) {
        if (expr instanceof VectorSelector selector) {
            out.add(selector);
        } else if (expr instanceof MatrixSelector matrix) {
            out.add(matrix.selector());
        } else if (expr instanceof SubqueryExpr subquery) {
            collect(subquery.expr(), out);
        } else if (expr instanceof ParenExpr paren) {
            collect(paren.expr(), out);
        } else if (expr instanceof UnaryExpr unary) {
            collect(unary.expr(), out);
        } else if (expr instanceof BinaryExpr binary) {
            collect(binary.lhs(), out);
            collect(binary.rhs(), out);
        } else if (expr instanceof Call call) {
            call.args().forEach(arg -> collect(arg, out));
        } else if (expr instanceof AggregateExpr aggregate) {
            collect(aggregate.expr(), out);
            if (aggregate.param() != null) {
                collect(aggregate.param(), out);
            }
        }
    }
}
