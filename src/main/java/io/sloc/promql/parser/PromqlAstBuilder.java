package io.sloc.promql.parser;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.Durations;
import io.sloc.promql.antlr.PromQLLexer;
import io.sloc.promql.antlr.PromQLParser;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AggregationOp;
import io.sloc.promql.ast.AtModifier;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.BinaryOp;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.PositionRange;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.VectorMatching;
import io.sloc.promql.ast.VectorSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parse tree into the AST, children first, raising the errors that Prometheus's grammar actions raise
 * while reducing (durations, numbers, regexes, offset/@ placement, unknown functions, aggregation arity).
 * Type checking is {@link TypeChecker}'s job.
 */
final class PromqlAstBuilder {
    private final PromqlProfile profile;

    private PromqlAstBuilder(PromqlProfile profile) {
        this.profile = profile;
    }

    /** The AST of a parse tree, with the reduction-time checks of the profile's Prometheus version. */
    static Expr build(PromQLParser.ExprContext ctx, PromqlProfile profile) {
        return new PromqlAstBuilder(profile).expr(ctx);
    }

    /** A label matcher, with the reduction-time checks of the profile's Prometheus version. */
    static LabelMatcher labelMatcher(PromQLParser.LabelMatcherContext m, PromqlProfile profile) {
        return new PromqlAstBuilder(profile).labelMatcher(m);
    }

    private Expr expr(PromQLParser.ExprContext ctx) {
        if (ctx instanceof PromQLParser.ParensContext) {
            PromQLParser.ParensContext c = (PromQLParser.ParensContext) ctx;
            return new ParenExpr(expr(c.expr()), pos(c));
        }
        if (ctx instanceof PromQLParser.BinaryContext) {
            return binary((PromQLParser.BinaryContext) ctx);
        }
        if (ctx instanceof PromQLParser.UnaryContext) {
            return unary((PromQLParser.UnaryContext) ctx);
        }
        if (ctx instanceof PromQLParser.SelectorContext) {
            return vectorSelector(((PromQLParser.SelectorContext) ctx).vectorSelector());
        }
        if (ctx instanceof PromQLParser.NumberLiteralContext) {
            Token token = ((PromQLParser.NumberLiteralContext) ctx).NUMBER().getSymbol();
            return new NumberLiteral(number(token), pos(ctx));
        }
        if (ctx instanceof PromQLParser.StringLiteralContext) {
            return new StringLiteral(StringLiterals.unquote(ctx.getText()), pos(ctx));
        }
        if (ctx instanceof PromQLParser.FunctionCallContext) {
            return call((PromQLParser.FunctionCallContext) ctx);
        }
        if (ctx instanceof PromQLParser.AggregationContext) {
            return aggregation((PromQLParser.AggregationContext) ctx);
        }
        if (ctx instanceof PromQLParser.MatrixSelectorContext) {
            return matrixSelector((PromQLParser.MatrixSelectorContext) ctx);
        }
        if (ctx instanceof PromQLParser.SubqueryContext) {
            PromQLParser.SubqueryContext c = (PromQLParser.SubqueryContext) ctx;
            Expr inner = expr(c.expr());
            long range = duration(c.range);
            long step = c.step == null ? 0 : duration(c.step);
            return new SubqueryExpr(inner, range, step, 0, null, pos(c));
        }
        if (ctx instanceof PromQLParser.OffsetModifierContext) {
            return offset((PromQLParser.OffsetModifierContext) ctx);
        }
        return at((PromQLParser.AtModifierContext) ctx);
    }

    private Expr binary(PromQLParser.BinaryContext c) {
        Expr lhs = expr(c.expr(0));
        Expr rhs = expr(c.expr(1));
        PromQLParser.BinModifierContext m = c.binModifier();
        VectorMatching matching = new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, List.of(), false, List.of());
        if (m.groupingLabels() != null) {
            boolean on = m.ON() != null;
            List<String> labels = labels(m.groupingLabels().labelName());
            VectorMatching.Cardinality card = m.GROUP_LEFT() != null ? VectorMatching.Cardinality.MANY_TO_ONE
                    : m.GROUP_RIGHT() != null ? VectorMatching.Cardinality.ONE_TO_MANY
                    : VectorMatching.Cardinality.ONE_TO_ONE;
            List<String> include = m.includeLabels() == null ? List.of() : labels(m.includeLabels().labelName());
            matching = new VectorMatching(card, labels, on, include);
        }
        return new BinaryExpr(binaryOp(c.op), lhs, rhs, matching, m.BOOL() != null, pos(c));
    }

    private BinaryOp binaryOp(Token op) {
        switch (op.getType()) {
            case PromQLLexer.POW: return BinaryOp.POW;
            case PromQLLexer.MUL: return BinaryOp.MUL;
            case PromQLLexer.DIV: return BinaryOp.DIV;
            case PromQLLexer.MOD: return BinaryOp.MOD;
            case PromQLLexer.ATAN2: return BinaryOp.ATAN2;
            case PromQLLexer.ADD: return BinaryOp.ADD;
            case PromQLLexer.SUB: return BinaryOp.SUB;
            case PromQLLexer.EQLC: return BinaryOp.EQL;
            case PromQLLexer.NEQ: return BinaryOp.NEQ;
            case PromQLLexer.LTE: return BinaryOp.LTE;
            case PromQLLexer.LSS: return BinaryOp.LSS;
            case PromQLLexer.GTE: return BinaryOp.GTE;
            case PromQLLexer.GTR: return BinaryOp.GTR;
            case PromQLLexer.LAND: return BinaryOp.LAND;
            case PromQLLexer.LUNLESS: return BinaryOp.LUNLESS;
            default: return BinaryOp.LOR;
        }
    }

    /** Like generated_parser.y's unary_expr, a sign directly before a number literal folds into it. */
    private Expr unary(PromQLParser.UnaryContext c) {
        Expr operand = expr(c.expr());
        boolean negate = c.op.getType() == PromQLLexer.SUB;
        if (operand instanceof NumberLiteral) {
            double value = ((NumberLiteral) operand).value();
            return new NumberLiteral(negate ? -value : value, pos(c));
        }
        return new UnaryExpr(negate, operand, pos(c));
    }

    private VectorSelector vectorSelector(PromQLParser.VectorSelectorContext c) {
        List<LabelMatcher> matchers = new ArrayList<>();
        if (c.labelMatchers() != null) {
            for (PromQLParser.LabelMatcherContext m : c.labelMatchers().labelMatcher()) {
                matchers.add(labelMatcher(m));
            }
        }
        String name = null;
        if (c.metricName() != null) {
            name = c.metricName().getText();
            // Prometheus appends the name matcher after the ones in braces.
            matchers.add(new LabelMatcher(LabelMatcher.Type.EQUAL, "__name__", name));
        }
        return new VectorSelector(name, matchers, 0, null, pos(c));
    }

    private LabelMatcher labelMatcher(PromQLParser.LabelMatcherContext m) {
        LabelMatcher.Type type;
        switch (m.op.getType()) {
            case PromQLLexer.EQL: type = LabelMatcher.Type.EQUAL; break;
            case PromQLLexer.NEQ: type = LabelMatcher.Type.NOT_EQUAL; break;
            case PromQLLexer.EQL_REGEX: type = LabelMatcher.Type.REGEX; break;
            default: type = LabelMatcher.Type.NOT_REGEX; break;
        }
        String value = StringLiterals.unquote(m.STRING().getText());
        try {
            return new LabelMatcher(type, m.IDENTIFIER().getText(), value, profile.regexDotMatchesNewline());
        } catch (PatternSyntaxException e) {
            throw error(m, e.getDescription());
        }
    }

    private Expr matrixSelector(PromQLParser.MatrixSelectorContext c) {
        Expr inner = expr(c.expr());
        long range = duration(c.DURATION().getSymbol());
        String problem = null;
        if (!(inner instanceof VectorSelector)) {
            problem = "ranges only allowed for vector selectors";
        } else if (((VectorSelector) inner).offsetMs() != 0) {
            problem = "no offset modifiers allowed before range";
        } else if (((VectorSelector) inner).at() != null && ((VectorSelector) inner).at().kind() == AtModifier.Kind.TIMESTAMP) {
            problem = "no @ modifiers allowed before range";
        }
        if (problem != null) {
            int start = c.LEFT_BRACKET().getSymbol().getStartIndex();
            throw new QueryError(start, c.RIGHT_BRACKET().getSymbol().getStopIndex() + 1, problem);
        }
        return new MatrixSelector((VectorSelector) inner, range, pos(c));
    }

    private Expr offset(PromQLParser.OffsetModifierContext c) {
        Expr inner = expr(c.expr());
        long offset = duration(c.DURATION().getSymbol());
        if (c.SUB() != null) {
            offset = -offset;
        }
        PositionRange pos = pos(c);
        if (inner instanceof VectorSelector) {
            VectorSelector s = (VectorSelector) inner;
            checkOffsetUnset(s.offsetMs(), inner);
            return new VectorSelector(s.name(), s.matchers(), offset, s.at(), pos);
        }
        if (inner instanceof MatrixSelector) {
            MatrixSelector m = (MatrixSelector) inner;
            VectorSelector s = m.selector();
            checkOffsetUnset(s.offsetMs(), inner);
            return new MatrixSelector(new VectorSelector(s.name(), s.matchers(), offset, s.at(), s.pos()), m.rangeMs(), pos);
        }
        if (inner instanceof SubqueryExpr) {
            SubqueryExpr s = (SubqueryExpr) inner;
            checkOffsetUnset(s.offsetMs(), inner);
            return new SubqueryExpr(s.expr(), s.rangeMs(), s.stepMs(), offset, s.at(), pos);
        }
        throw error(inner,
                "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }

    private void checkOffsetUnset(long offset, Expr node) {
        if (offset != 0) {
            throw error(node, "offset may not be set multiple times");
        }
    }

    private Expr at(PromQLParser.AtModifierContext c) {
        Expr inner = expr(c.expr());
        PromQLParser.AtTimestampContext t = c.atTimestamp();
        AtModifier at;
        if (t.START() != null) {
            at = new AtModifier(AtModifier.Kind.START, 0);
        } else if (t.END() != null) {
            at = new AtModifier(AtModifier.Kind.END, 0);
        } else {
            double seconds = number(t.NUMBER().getSymbol());
            if (t.sign != null && t.sign.getType() == PromQLLexer.SUB) {
                seconds = -seconds;
            }
            if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds >= 0x1p63 || seconds <= -0x1p63) {
                throw error(inner, "timestamp out of bounds for @ modifier: " + goFloatF(seconds));
            }
            at = AtModifier.at(roundHalfAwayFromZero(seconds * 1000));
        }
        PositionRange pos = pos(c);
        if (inner instanceof VectorSelector) {
            VectorSelector s = (VectorSelector) inner;
            checkAtUnset(s.at(), inner);
            return new VectorSelector(s.name(), s.matchers(), s.offsetMs(), at, pos);
        }
        if (inner instanceof MatrixSelector) {
            MatrixSelector m = (MatrixSelector) inner;
            VectorSelector s = m.selector();
            checkAtUnset(s.at(), inner);
            return new MatrixSelector(new VectorSelector(s.name(), s.matchers(), s.offsetMs(), at, s.pos()), m.rangeMs(), pos);
        }
        if (inner instanceof SubqueryExpr) {
            SubqueryExpr s = (SubqueryExpr) inner;
            checkAtUnset(s.at(), inner);
            return new SubqueryExpr(s.expr(), s.rangeMs(), s.stepMs(), s.offsetMs(), at, pos);
        }
        throw error(inner, "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }

    private void checkAtUnset(AtModifier at, Expr node) {
        if (at != null) {
            throw error(node, "@ <timestamp> may not be set multiple times");
        }
    }

    /** Go's {@code math.Round} then int64 conversion (timestamp.FromFloatSeconds). */
    private static long roundHalfAwayFromZero(double ms) {
        return (long) (ms < 0 ? -Math.floor(-ms + 0.5) : Math.floor(ms + 0.5));
    }

    /** Go's {@code %f}: six decimals, {@code +Inf}, {@code -Inf}, {@code NaN}. */
    private static String goFloatF(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    private Expr call(PromQLParser.FunctionCallContext c) {
        List<Expr> args = arguments(c.callArguments());
        Token name = c.IDENTIFIER().getSymbol();
        FunctionSignature function = Functions.get(name.getText(), profile);
        if (function == null) {
            throw new QueryError(name.getStartIndex(), name.getStopIndex() + 1,
                    "unknown function with name " + GoQuote.quote(name.getText()));
        }
        if (!Functions.enabled(name.getText(), profile)) {
            throw new QueryError(name.getStartIndex(), name.getStopIndex() + 1,
                    "function " + GoQuote.quote(name.getText()) + " is not enabled");
        }
        return new Call(function, args, pos(c));
    }

    private Expr aggregation(PromQLParser.AggregationContext c) {
        List<Expr> args = arguments(c.callArguments());
        AggregationOp op = AggregationOp.valueOf(c.aggregateOp().getText().toUpperCase(Locale.ROOT));
        PromQLParser.AggregateModifierContext modifier = c.aggregateModifier();
        List<String> grouping = modifier == null ? List.of() : labels(modifier.groupingLabels().labelName());
        boolean without = modifier != null && modifier.WITHOUT() != null;
        if (args.isEmpty()) {
            throw error(c, "no arguments for aggregate expression provided");
        }
        if (op.experimental() && !profile.featureEnabled(Functions.EXPERIMENTAL_FEATURE)) {
            throw error(c, op.text() + "() is experimental and must be enabled with --enable-feature="
                    + Functions.EXPERIMENTAL_FEATURE);
        }
        int wanted = op.hasParameter() ? 2 : 1;
        if (args.size() != wanted) {
            throw error(c, "wrong number of arguments for aggregate expression provided, expected " + wanted
                    + ", got " + args.size());
        }
        Expr param = op.hasParameter() ? args.get(0) : null;
        return new AggregateExpr(op, args.get(wanted - 1), param, grouping, without, pos(c));
    }

    private List<Expr> arguments(PromQLParser.CallArgumentsContext c) {
        List<Expr> args = new ArrayList<>(c.expr().size());
        for (PromQLParser.ExprContext arg : c.expr()) {
            args.add(expr(arg));
        }
        if (!c.expr().isEmpty() && c.COMMA().size() == c.expr().size()) {
            Token comma = c.COMMA(c.COMMA().size() - 1).getSymbol();
            throw new QueryError(comma.getStartIndex(), comma.getStopIndex() + 1,
                    "trailing commas not allowed in function call args");
        }
        return args;
    }

    private List<String> labels(List<PromQLParser.LabelNameContext> names) {
        List<String> labels = new ArrayList<>(names.size());
        for (PromQLParser.LabelNameContext label : names) {
            labels.add(label.getText());
        }
        return labels;
    }

    private static double number(Token token) {
        try {
            return NumberSyntax.parse(token.getText());
        } catch (IllegalArgumentException e) {
            throw new QueryError(token.getStartIndex(), token.getStopIndex() + 1, "error parsing number: " + e.getMessage());
        }
    }

    /** generated_parser.y's duration: model.ParseDuration, and never zero. */
    static long duration(Token token) {
        long ms;
        try {
            ms = Durations.parse(token.getText());
        } catch (IllegalArgumentException e) {
            throw new QueryError(token.getStartIndex(), token.getStopIndex() + 1, e.getMessage());
        }
        if (ms == 0) {
            throw new QueryError(token.getStartIndex(), token.getStopIndex() + 1, "duration must be greater than 0");
        }
        return ms;
    }

    static PositionRange pos(ParserRuleContext c) {
        return new PositionRange(c.getStart().getStartIndex(), c.getStop().getStopIndex() + 1);
    }

    private static QueryError error(ParserRuleContext c, String message) {
        PositionRange pos = pos(c);
        return new QueryError(pos.start(), pos.end(), message);
    }

    private static QueryError error(Expr node, String message) {
        return new QueryError(node.pos().start(), node.pos().end(), message);
    }
}
