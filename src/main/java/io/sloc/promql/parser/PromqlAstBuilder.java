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
import io.sloc.promql.ast.DurationExpr;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.PositionRange;
import io.sloc.promql.ast.RangeExtension;
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
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parse tree into the AST, children first, raising the errors that Prometheus's grammar actions raise
 * while reducing (durations, numbers, regexes, offset/@ placement, unknown functions, aggregation arity).
 * Type checking is {@link TypeChecker}'s job.
 */
final class PromqlAstBuilder {
    /** Duration-expression operators and functions by token type. */
    private static final Map<Integer, DurationExpr.Op> DURATION_OPS = Map.of(
            PromQLLexer.ADD, DurationExpr.Op.ADD, PromQLLexer.SUB, DurationExpr.Op.SUB,
            PromQLLexer.MUL, DurationExpr.Op.MUL, PromQLLexer.DIV, DurationExpr.Op.DIV,
            PromQLLexer.MOD, DurationExpr.Op.MOD, PromQLLexer.POW, DurationExpr.Op.POW,
            PromQLLexer.STEP, DurationExpr.Op.STEP, PromQLLexer.RANGE, DurationExpr.Op.RANGE,
            PromQLLexer.MIN_OF, DurationExpr.Op.MIN_OF, PromQLLexer.MAX_OF, DurationExpr.Op.MAX_OF);

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
            PromQLParser.NumberLiteralContext c = (PromQLParser.NumberLiteralContext) ctx;
            return new NumberLiteral(c.NUMBER() != null ? number(c.NUMBER().getSymbol())
                    : durationSeconds(c.DURATION().getSymbol()), pos(ctx));
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
        if (ctx instanceof PromQLParser.RangeSelectorContext) {
            PromQLParser.RangeSelectorContext c = (PromQLParser.RangeSelectorContext) ctx;
            if (c.colon == null) {
                return matrixSelector(c);
            }
            Expr inner = expr(c.expr());
            DurationExpr range = rangeDuration(c.range);
            DurationExpr step = c.step == null ? null : rangeDuration(c.step);
            return new SubqueryExpr(inner, fixedMs(range), step == null ? 0 : fixedMs(step), 0, null,
                    expression(range), expression(step), null, pos(c));
        }
        if (ctx instanceof PromQLParser.OffsetModifierContext) {
            return offset((PromQLParser.OffsetModifierContext) ctx);
        }
        if (ctx instanceof PromQLParser.RangeExtensionContext) {
            return rangeExtension((PromQLParser.RangeExtensionContext) ctx);
        }
        return at((PromQLParser.AtModifierContext) ctx);
    }

    private Expr binary(PromQLParser.BinaryContext c) {
        Expr lhs = expr(c.expr(0));
        Expr rhs = expr(c.expr(1));
        PromQLParser.BinModifierContext m = c.binModifier();
        VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
        List<String> labels = List.of();
        List<String> include = List.of();
        if (m.groupingLabels() != null) {
            labels = labels(m.groupingLabels().labelName());
            card = m.GROUP_LEFT() != null ? VectorMatching.Cardinality.MANY_TO_ONE
                    : m.GROUP_RIGHT() != null ? VectorMatching.Cardinality.ONE_TO_MANY
                    : VectorMatching.Cardinality.ONE_TO_ONE;
            include = m.includeLabels() == null ? List.of() : labels(m.includeLabels().labelName());
        }
        PromQLParser.FillModifiersContext fill = m.fillModifiers();
        Double fillLeft = fill == null ? null : fillValue(fill.fill != null ? fill.fill : fill.left);
        Double fillRight = fill == null ? null : fillValue(fill.fill != null ? fill.fill : fill.right);
        VectorMatching matching = new VectorMatching(card, labels, m.ON() != null, include, fillLeft, fillRight);
        BinaryExpr binary = new BinaryExpr(binaryOp(c.op), lhs, rhs, matching, m.BOOL() != null, pos(c));
        if (fill != null && !profile.binopFillModifiers()) {
            throw error(binary, "binop fill modifiers are experimental and not enabled");
        }
        return binary;
    }

    /** generated_parser.y's fill_value: a signed number or duration in parentheses. */
    private Double fillValue(PromQLParser.FillValueContext c) {
        if (c == null) {
            return null;
        }
        Token value = c.value;
        double fill = value.getType() == PromQLLexer.NUMBER ? number(value) : durationSeconds(value);
        return c.sign != null && c.sign.getType() == PromQLLexer.SUB ? -fill : fill;
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
            case PromQLLexer.TRIM_UPPER: return BinaryOp.TRIM_UPPER;
            case PromQLLexer.TRIM_LOWER: return BinaryOp.TRIM_LOWER;
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
        if (m.metric != null) {
            // A quoted name alone in braces is the metric name.
            return new LabelMatcher(LabelMatcher.Type.EQUAL, "__name__", StringLiterals.unquote(m.metric.getText()));
        }
        LabelMatcher.Type type;
        switch (m.op.getType()) {
            case PromQLLexer.EQL: type = LabelMatcher.Type.EQUAL; break;
            case PromQLLexer.NEQ: type = LabelMatcher.Type.NOT_EQUAL; break;
            case PromQLLexer.EQL_REGEX: type = LabelMatcher.Type.REGEX; break;
            default: type = LabelMatcher.Type.NOT_REGEX; break;
        }
        String value = StringLiterals.unquote(m.value.getText());
        String name = m.name.getType() == PromQLLexer.STRING ? StringLiterals.unquote(m.name.getText()) : m.name.getText();
        try {
            return new LabelMatcher(type, name, value, profile.regexDotMatchesNewline());
        } catch (PatternSyntaxException e) {
            throw error(m, e.getDescription());
        }
    }

    private Expr matrixSelector(PromQLParser.RangeSelectorContext c) {
        Expr inner = expr(c.expr());
        DurationExpr range = rangeDuration(c.range);
        String problem = null;
        if (!(inner instanceof VectorSelector)) {
            problem = "ranges only allowed for vector selectors";
        } else if (((VectorSelector) inner).hasOffset()) {
            problem = "no offset modifiers allowed before range";
        } else if (((VectorSelector) inner).at() != null && (((VectorSelector) inner).at().kind() == AtModifier.Kind.TIMESTAMP
                || profile.rejectsStartEndBeforeRange())) {
            problem = "no @ modifiers allowed before range";
        }
        if (problem != null) {
            int start = c.LEFT_BRACKET().getSymbol().getStartIndex();
            throw new QueryError(start, c.RIGHT_BRACKET().getSymbol().getStopIndex() + 1, problem);
        }
        return new MatrixSelector((VectorSelector) inner, fixedMs(range), expression(range), pos(c));
    }

    private Expr offset(PromQLParser.OffsetModifierContext c) {
        Expr inner = expr(c.expr());
        DurationExpr duration = offsetDuration(c.offsetDuration());
        long offset = fixedMs(duration);
        DurationExpr offsetExpr = expression(duration);
        PositionRange pos = pos(c);
        if (inner instanceof VectorSelector) {
            VectorSelector s = (VectorSelector) inner;
            checkOffsetUnset(s.hasOffset(), inner);
            return s.withOffset(offset, offsetExpr, pos);
        }
        if (inner instanceof MatrixSelector) {
            MatrixSelector m = (MatrixSelector) inner;
            VectorSelector s = m.selector();
            checkOffsetUnset(s.hasOffset(), inner);
            return m.withSelector(s.withOffset(offset, offsetExpr, s.pos()), pos);
        }
        if (inner instanceof SubqueryExpr) {
            SubqueryExpr s = (SubqueryExpr) inner;
            checkOffsetUnset(s.hasOffset(), inner);
            return s.withOffset(offset, offsetExpr, pos);
        }
        throw error(inner,
                "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }

    private void checkOffsetUnset(boolean offsetSet, Expr node) {
        if (offsetSet) {
            throw error(node, "offset may not be set multiple times");
        }
    }

    /** parse.go's setAnchored/setSmoothed. */
    private Expr rangeExtension(PromQLParser.RangeExtensionContext c) {
        Expr inner = expr(c.expr());
        RangeExtension extension = c.modifier.getType() == PromQLLexer.ANCHORED ? RangeExtension.ANCHORED
                : RangeExtension.SMOOTHED;
        String keyword = extension.keyword();
        if (!profile.extendedRangeSelectors()) {
            throw error(inner, keyword + " modifier is experimental and not enabled");
        }
        VectorSelector selector = inner instanceof MatrixSelector ? ((MatrixSelector) inner).selector()
                : inner instanceof VectorSelector ? (VectorSelector) inner : null;
        if (selector == null) {
            // Prometheus's own wording for any other operand (parse.go setAnchored/setSmoothed): a parse error.
            throw error(inner, inner instanceof SubqueryExpr ? keyword + " modifier is not supported for subqueries"
                    : keyword + " modifier not implemented");
        }
        if (selector.extension() != RangeExtension.NONE && selector.extension() != extension) {
            throw error(inner, "anchored and smoothed modifiers cannot be used together");
        }
        PositionRange pos = pos(c);
        return inner instanceof MatrixSelector
                ? ((MatrixSelector) inner).withSelector(selector.withExtension(extension, selector.pos()), pos)
                : selector.withExtension(extension, pos);
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
            double seconds = t.NUMBER() != null ? number(t.NUMBER().getSymbol()) : durationSeconds(t.DURATION().getSymbol());
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
            return s.withAt(at, pos);
        }
        if (inner instanceof MatrixSelector) {
            MatrixSelector m = (MatrixSelector) inner;
            VectorSelector s = m.selector();
            checkAtUnset(s.at(), inner);
            return m.withSelector(s.withAt(at, s.pos()), pos);
        }
        if (inner instanceof SubqueryExpr) {
            SubqueryExpr s = (SubqueryExpr) inner;
            checkAtUnset(s.at(), inner);
            return s.withAt(at, pos);
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
        Token name = c.name;
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
            if (label.STRING() == null) {
                labels.add(label.getText());
                continue;
            }
            String name = StringLiterals.unquote(label.getText());
            if (name.isEmpty()) {
                // Any other UTF-8 text names a label in Prometheus 3 (strings are valid UTF-8 by then).
                throw error(label, "invalid label name for grouping: " + GoQuote.quote(name));
            }
            labels.add(name);
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

    /** A range or subquery step: one non-zero duration in 2.42, a duration expression in Prometheus 3. */
    private DurationExpr rangeDuration(PromQLParser.DurationExprContext c) {
        DurationExpr range = durationExpr(c);
        if (range.isLiteral() && range.value() <= 0) {
            // generated_parser.y's positive_duration_expr; expressions are checked when they are resolved.
            throw new QueryError(range.pos().start(), range.pos().end(), "duration must be greater than 0");
        }
        return range;
    }

    /** An offset: a signed duration in 2.42, generated_parser.y's offset_duration_expr in Prometheus 3. */
    private DurationExpr offsetDuration(PromQLParser.OffsetDurationContext c) {
        boolean negative = c.SUB() != null || c.sign != null && c.sign.getType() == PromQLLexer.SUB;
        if (c.durationAtom() == null) {
            long ms = duration(c.DURATION().getSymbol());
            return DurationExpr.literal((negative ? -ms : ms) / 1000.0, true, pos(c));
        }
        DurationExpr operand = durationAtom(c.durationAtom());
        return c.sign == null ? operand : signed(negative, operand, pos(c));
    }

    private DurationExpr durationExpr(PromQLParser.DurationExprContext c) {
        if (c instanceof PromQLParser.DurationOperandContext) {
            return durationAtom(((PromQLParser.DurationOperandContext) c).durationAtom());
        }
        if (c instanceof PromQLParser.DurationUnaryContext) {
            PromQLParser.DurationUnaryContext u = (PromQLParser.DurationUnaryContext) c;
            return signed(u.op.getType() == PromQLLexer.SUB, durationExpr(u.durationExpr()), pos(c));
        }
        PromQLParser.DurationBinaryContext b = (PromQLParser.DurationBinaryContext) c;
        DurationExpr lhs = durationExpr(b.durationExpr(0));
        DurationExpr rhs = durationExpr(b.durationExpr(1));
        DurationExpr.Op op = DURATION_OPS.get(b.op.getType());
        if ((op == DurationExpr.Op.DIV || op == DurationExpr.Op.MOD) && rhs.isLiteral() && rhs.value() == 0) {
            throw new QueryError(b.op.getStartIndex(), b.op.getStopIndex() + 1,
                    op == DurationExpr.Op.DIV ? "division by zero" : "modulo by zero");
        }
        return new DurationExpr(op, lhs, rhs, 0, false, pos(c));
    }

    private DurationExpr durationAtom(PromQLParser.DurationAtomContext c) {
        if (c.literal != null) {
            boolean duration = c.literal.getType() == PromQLLexer.DURATION;
            double seconds = duration ? durationSeconds(c.literal) : number(c.literal);
            checkDurationInRange(seconds, pos(c));
            return DurationExpr.literal(seconds, duration, pos(c));
        }
        if (c.function == null) {
            return durationExpr(c.durationExpr(0)).inParentheses(pos(c));
        }
        DurationExpr.Op op = DURATION_OPS.get(c.function.getType());
        if (c.durationExpr().isEmpty()) {
            return new DurationExpr(op, null, null, 0, false, pos(c));
        }
        return new DurationExpr(op, durationExpr(c.durationExpr(0)), durationExpr(c.durationExpr(1)), 0, false,
                pos(c));
    }

    /**
     * parse.go's applyUnaryOpToDurationExpr: a sign folds into a literal; before an expression, minus is a unary
     * operator and plus vanishes.
     */
    private static DurationExpr signed(boolean negative, DurationExpr operand, PositionRange pos) {
        if (operand.isLiteral()) {
            double value = negative ? -operand.value() : operand.value();
            checkDurationInRange(value, pos);
            return new DurationExpr(operand.op(), null, null, value, false, pos);
        }
        return negative ? new DurationExpr(DurationExpr.Op.SUB, null, operand, 0, false, pos) : operand;
    }

    /** durationLiteralOutOfRange: seconds that do not fit Go's time.Duration. */
    private static void checkDurationInRange(double seconds, PositionRange pos) {
        if (seconds > 0x1p63 / 1e9 || seconds < -0x1p63 / 1e9) {
            throw new QueryError(pos.start(), pos.end(), "duration out of range");
        }
    }

    /** The milliseconds of a literal duration, 0 for an expression the engine resolves. */
    private static long fixedMs(DurationExpr duration) {
        return duration.isLiteral() ? Math.round(duration.value() * 1000) : 0;
    }

    /** The expression to resolve at evaluation, null for a literal. */
    private static DurationExpr expression(DurationExpr duration) {
        return duration == null || duration.isLiteral() ? null : duration;
    }

    /** Prometheus 3's number_duration_literal for a DURATION token: seconds. */
    private double durationSeconds(Token token) {
        try {
            return Durations.parse(token.getText(), profile) / 1000.0;
        } catch (IllegalArgumentException e) {
            throw new QueryError(token.getStartIndex(), token.getStopIndex() + 1, e.getMessage());
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
