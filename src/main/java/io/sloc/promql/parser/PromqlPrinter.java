package io.sloc.promql.parser;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.Durations;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AtModifier;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.BinaryOp;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.ExprVisitor;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.VectorMatching;
import io.sloc.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an AST as PromQL in Prometheus's layout ({@code sum by (job) (rate(x[5m]))}, {@code a + on (b) c}).
 * The text re-parses to the same AST: parentheses are added only where precedence requires them, so an AST from
 * {@link PromqlParser} (which keeps its {@link ParenExpr}s) comes back identical, and a hand-built one comes back
 * equal up to the added parentheses ({@link io.sloc.promql.ast.Ast#withoutParentheses}).
 */
public final class PromqlPrinter implements ExprVisitor<String> {
    private static final PromqlPrinter INSTANCE = new PromqlPrinter();
    /** Binding strength of prefix-signed text (unary operators, negative literals): between * and ^. */
    private static final int PREFIX = 55;
    private static final int PRIMARY = 100;

    private PromqlPrinter() {
    }

    public static String print(Expr expr) {
        return expr.accept(INSTANCE);
    }

    /** How tightly the printed text of a node binds, on the scale of {@link BinaryOp#precedence()} × 10. */
    private static int strength(Expr e) {
        if (e instanceof BinaryExpr) {
            return ((BinaryExpr) e).op().precedence() * 10;
        }
        if (e instanceof UnaryExpr || (e instanceof NumberLiteral && startsWithSign((NumberLiteral) e))) {
            return PREFIX;
        }
        return PRIMARY;
    }

    private static boolean startsWithSign(NumberLiteral n) {
        return Double.doubleToRawLongBits(n.value()) < 0 && !Double.isNaN(n.value());
    }

    private static String wrap(Expr e, boolean parens) {
        String text = e.accept(INSTANCE);
        return parens ? "(" + text + ")" : text;
    }

    @Override
    public String visitBinary(BinaryExpr node) {
        int p = node.op().precedence() * 10;
        int left = strength(node.lhs());
        int right = strength(node.rhs());
        boolean leftParens = left < p || (left == p && node.op().isRightAssociative());
        // A prefix operator on the right needs no parentheses: the parser reads it as the start of an operand.
        boolean rightParens = right != PREFIX && (right < p || (right == p && !node.op().isRightAssociative()));
        StringBuilder out = new StringBuilder();
        out.append(wrap(node.lhs(), leftParens)).append(' ').append(node.op().text());
        if (node.returnBool()) {
            out.append(" bool");
        }
        VectorMatching m = node.matching();
        boolean grouping = m != null && (m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE
                || m.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY);
        if (m != null && (!m.labels().isEmpty() || m.on() || grouping)) {
            out.append(m.on() ? " on " : " ignoring ").append(labelList(m.labels()));
            if (grouping) {
                out.append(m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? " group_left " : " group_right ")
                        .append(labelList(m.include()));
            }
        }
        return out.append(' ').append(wrap(node.rhs(), rightParens)).toString();
    }

    @Override
    public String visitUnary(UnaryExpr node) {
        // A literal operand would be folded into a signed literal by the parser; keep it apart.
        int operand = strength(node.expr());
        boolean parens = (operand < BinaryOp.POW.precedence() * 10 && operand != PREFIX)
                || node.expr() instanceof NumberLiteral;
        return (node.negate() ? "-" : "+") + wrap(node.expr(), parens);
    }

    @Override
    public String visitParen(ParenExpr node) {
        return "(" + node.expr().accept(this) + ")";
    }

    @Override
    public String visitAggregate(AggregateExpr node) {
        StringBuilder out = new StringBuilder(node.op().text());
        if (node.without()) {
            out.append(" without ").append(labelList(node.grouping())).append(' ');
        } else if (!node.grouping().isEmpty()) {
            out.append(" by ").append(labelList(node.grouping())).append(' ');
        }
        out.append('(');
        if (node.param() != null) {
            out.append(node.param().accept(this)).append(", ");
        }
        return out.append(node.expr().accept(this)).append(')').toString();
    }

    @Override
    public String visitCall(Call node) {
        List<String> args = new ArrayList<>(node.args().size());
        for (Expr arg : node.args()) {
            args.add(arg.accept(this));
        }
        return node.function().name() + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String visitNumber(NumberLiteral node) {
        double value = node.value();
        // Prometheus prints FormatFloat(v, 'g', -1), but "+Inf" would re-parse as a unary expression in front of
        // '^'; plain Inf is the same literal.
        return value == Double.POSITIVE_INFINITY ? "Inf" : GoFloat.formatV(value);
    }

    @Override
    public String visitString(StringLiteral node) {
        return GoQuote.quote(node.value());
    }

    @Override
    public String visitVectorSelector(VectorSelector node) {
        return selector(node) + modifiers(node.at(), node.offsetMs());
    }

    @Override
    public String visitMatrixSelector(MatrixSelector node) {
        VectorSelector s = node.selector();
        return selector(s) + "[" + Durations.format(node.rangeMs()) + "]" + modifiers(s.at(), s.offsetMs());
    }

    @Override
    public String visitSubquery(SubqueryExpr node) {
        String step = node.stepMs() == 0 ? "" : Durations.format(node.stepMs());
        return wrap(node.expr(), strength(node.expr()) < PRIMARY) + "[" + Durations.format(node.rangeMs()) + ":" + step
                + "]" + modifiers(node.at(), node.offsetMs());
    }

    private static String selector(VectorSelector node) {
        List<String> matchers = new ArrayList<>(node.matchers().size());
        for (LabelMatcher m : node.matchers()) {
            boolean isName = m.type() == LabelMatcher.Type.EQUAL && m.name().equals("__name__")
                    && m.value().equals(node.name());
            if (!isName) {
                matchers.add(m.name() + m.type().text() + GoQuote.quote(m.value()));
            }
        }
        String name = node.name() == null ? "" : node.name();
        return matchers.isEmpty() && !name.isEmpty() ? name : name + "{" + String.join(",", matchers) + "}";
    }

    private static String modifiers(AtModifier at, long offsetMs) {
        StringBuilder out = new StringBuilder();
        if (at != null) {
            switch (at.kind()) {
                case START:
                    out.append(" @ start()");
                    break;
                case END:
                    out.append(" @ end()");
                    break;
                default:
                    long ms = at.timestampMs();
                    String sign = ms < 0 ? "-" : "";
                    long abs = Math.abs(ms);
                    out.append(" @ ").append(sign).append(abs / 1000).append('.')
                            .append(String.format("%03d", abs % 1000));
            }
        }
        if (offsetMs > 0) {
            out.append(" offset ").append(Durations.format(offsetMs));
        } else if (offsetMs < 0) {
            out.append(" offset -").append(Durations.format(-offsetMs));
        }
        return out.toString();
    }

    private static String labelList(List<String> labels) {
        return "(" + String.join(", ", labels) + ")";
    }
}
