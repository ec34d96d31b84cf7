package io.sloc.promql.parser;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.Durations;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AtModifier;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.BinaryOp;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.DurationExpr;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.ExprVisitor;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.VectorMatching;
import io.sloc.promql.ast.VectorSelector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prints an AST as PromQL in Prometheus's layout ({@code sum by (job) (rate(x[5m]))}, {@code a + on (b) c}).
 * The text re-parses to the same AST: parentheses are added only where precedence requires them, so an AST from
 * {@link PromqlParser} (which keeps its {@link ParenExpr}s) comes back identical, and a hand-built one comes back
 * equal up to the added parentheses ({@link io.sloc.promql.ast.Ast#withoutParentheses}).
 */
public final class PromqlPrinter implements ExprVisitor<String> {
    private static final PromqlPrinter INSTANCE = new PromqlPrinter(false);
    private static final PromqlPrinter PROMETHEUS = new PromqlPrinter(true);
    /** Binding strength of prefix-signed text (unary operators, negative literals): between * and ^. */
    private static final int PREFIX = 55;
    private static final int PRIMARY = 100;
    private static final Pattern LEGACY_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Prometheus sorts a selector's matchers by their text; source order keeps an AST's round trip exact. */
    private final boolean sortMatchers;

    private PromqlPrinter(boolean sortMatchers) {
        this.sortMatchers = sortMatchers;
    }

    /** The text that parses back to {@code expr}, matchers in their order. */
    public static String print(Expr expr) {
        return expr.accept(INSTANCE);
    }

    /**
     * The text Prometheus's {@code Expr.String()} gives (2.42 and 3.x alike): matchers sorted by their text. Rule
     * evaluation re-parses it, so the matcher order, which {@code absent()} depends on, is this one.
     */
    public static String printAsPrometheus(Expr expr) {
        return expr.accept(PROMETHEUS);
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

    private String wrap(Expr e, boolean parens) {
        String text = e.accept(this);
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
        if (m != null && m.fills()) {
            if (m.fillLeft() != null && m.fillLeft().equals(m.fillRight())) {
                out.append(" fill (").append(GoFloat.formatV(m.fillLeft())).append(')');
            } else {
                if (m.fillLeft() != null) {
                    out.append(" fill_left (").append(GoFloat.formatV(m.fillLeft())).append(')');
                }
                if (m.fillRight() != null) {
                    out.append(" fill_right (").append(GoFloat.formatV(m.fillRight())).append(')');
                }
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
        return selector(node) + at(node.at()) + extension(node.extension()) + offset(node.offsetMs(), node.offsetExpr());
    }

    @Override
    public String visitMatrixSelector(MatrixSelector node) {
        VectorSelector s = node.selector();
        return selector(s) + "[" + duration(node.rangeMs(), node.rangeExpr()) + "]" + extension(s.extension())
                + at(s.at()) + offset(s.offsetMs(), s.offsetExpr());
    }

    @Override
    public String visitSubquery(SubqueryExpr node) {
        String step = node.stepExpr() != null || node.stepMs() != 0 ? duration(node.stepMs(), node.stepExpr()) : "";
        return wrap(node.expr(), strength(node.expr()) < PRIMARY) + "[" + duration(node.rangeMs(), node.rangeExpr())
                + ":" + step + "]" + at(node.at()) + offset(node.offsetMs(), node.offsetExpr());
    }

    private static String extension(RangeExtension extension) {
        return extension == RangeExtension.NONE ? "" : " " + extension.keyword();
    }

    private static String duration(long ms, DurationExpr expr) {
        return expr == null ? Durations.format(ms) : duration(expr);
    }

    /** printer.go's DurationExpr.writeTo. */
    private static String duration(DurationExpr e) {
        String text;
        switch (e.op()) {
            case NUMBER:
                text = GoFloat.formatShortest(e.value(), 'f');
                break;
            case DURATION:
                long ms = Math.round(Math.abs(e.value()) * 1000);
                text = (e.value() < 0 ? "-" : "") + Durations.format(ms);
                break;
            case STEP:
            case RANGE:
                text = e.op().text() + "()";
                break;
            case MIN_OF:
            case MAX_OF:
                text = e.op().text() + "(" + duration(e.lhs()) + ", " + duration(e.rhs()) + ")";
                break;
            default:
                text = e.lhs() == null ? (e.op() == DurationExpr.Op.SUB ? "-" : "") + duration(e.rhs())
                        : duration(e.lhs()) + " " + e.op().text() + " " + duration(e.rhs());
        }
        return e.wrapped() ? "(" + text + ")" : text;
    }

    private String selector(VectorSelector node) {
        List<String> matchers = new ArrayList<>(node.matchers().size());
        for (LabelMatcher m : node.matchers()) {
            boolean isName = m.type() == LabelMatcher.Type.EQUAL && m.name().equals("__name__")
                    && m.value().equals(node.name());
            if (!isName) {
                matchers.add(labelName(m.name()) + m.type().text() + GoQuote.quote(m.value()));
            }
        }
        if (sortMatchers) {
            // Go's sort.Strings: by UTF-8 bytes. Not Comparator.comparing: its serializable lambda is spun at every
            // start (the start-up cache skips it).
            matchers.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
        }
        String name = node.name() == null ? "" : node.name();
        return matchers.isEmpty() && !name.isEmpty() ? name : name + "{" + String.join(",", matchers) + "}";
    }

    private static String at(AtModifier at) {
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
        return out.toString();
    }

    private static String offset(long offsetMs, DurationExpr offsetExpr) {
        if (offsetExpr != null) {
            return " offset " + duration(offsetExpr);
        }
        if (offsetMs > 0) {
            return " offset " + Durations.format(offsetMs);
        }
        return offsetMs < 0 ? " offset -" + Durations.format(-offsetMs) : "";
    }

    private static String labelList(List<String> labels) {
        List<String> names = new ArrayList<>(labels.size());
        for (String label : labels) {
            names.add(labelName(label));
        }
        return "(" + String.join(", ", names) + ")";
    }

    /** A label name, quoted unless it is a legacy name (which is all Prometheus 2 accepts). */
    private static String labelName(String name) {
        return LEGACY_NAME.matcher(name).matches() ? name : GoQuote.quote(name);
    }
}
