package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AggregationOp;
import io.sloc.promql.ast.Ast;
import io.sloc.promql.ast.AtModifier;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.BinaryOp;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.PositionRange;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.ValueType;
import io.sloc.promql.ast.VectorMatching;
import io.sloc.promql.ast.VectorMatching.Cardinality;
import io.sloc.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input to expected AST, positions and errors: the parser's contract in examples. */
class PromqlParserTest {
    private static final PositionRange P = PositionRange.NONE;
    private static final VectorMatching DEFAULT = new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());
    private static final VectorMatching SET = new VectorMatching(Cardinality.MANY_TO_MANY, List.of(), false, List.of());

    static Stream<Arguments> asts() {
        return Stream.of(
                Arguments.of("foo", sel("foo")),
                Arguments.of("foo{a=\"b\", c!~'d.*',}", sel("foo", m(LabelMatcher.Type.EQUAL, "a", "b"),
                        m(LabelMatcher.Type.NOT_REGEX, "c", "d.*"))),
                Arguments.of("{__name__=\"x\"}", new VectorSelector(null,
                        List.of(m(LabelMatcher.Type.EQUAL, "__name__", "x")), 0, null, P)),
                Arguments.of("job:rate5m:sum", sel("job:rate5m:sum")),
                Arguments.of("sum_total", sel("sum_total")),
                Arguments.of("offset", sel("offset")),
                Arguments.of("by", sel("by")),
                Arguments.of("sum by (by, on) (x)", agg(AggregationOp.SUM, sel("x"), null, List.of("by", "on"), false)),
                Arguments.of("SUM(x) WITHOUT (a)", agg(AggregationOp.SUM, sel("x"), null, List.of("a"), true)),
                Arguments.of("topk(3, x)", agg(AggregationOp.TOPK, sel("x"), num(3), List.of(), false)),
                Arguments.of("count_values(\"v\", x)", agg(AggregationOp.COUNT_VALUES, sel("x"), str("v"), List.of(), false)),
                Arguments.of("-2^2", new UnaryExpr(true, bin(BinaryOp.POW, num(2), num(2), null), P)),
                Arguments.of("-2 * 3", bin(BinaryOp.MUL, num(-2), num(3), null)),
                Arguments.of("- - 1", num(1)),
                Arguments.of("-(1)", new UnaryExpr(true, new ParenExpr(num(1), P), P)),
                Arguments.of("2 ^ 3 ^ 2", bin(BinaryOp.POW, num(2), bin(BinaryOp.POW, num(3), num(2), null), null)),
                Arguments.of("1 - 2 - 3", bin(BinaryOp.SUB, bin(BinaryOp.SUB, num(1), num(2), null), num(3), null)),
                Arguments.of("1 + 2 * 3 % 4", bin(BinaryOp.ADD, num(1),
                        bin(BinaryOp.MOD, bin(BinaryOp.MUL, num(2), num(3), null), num(4), null), null)),
                Arguments.of("a or b and c unless d", bin(BinaryOp.LOR, sel("a"),
                        bin(BinaryOp.LUNLESS, bin(BinaryOp.LAND, sel("b"), sel("c"), SET), sel("d"), SET), SET)),
                Arguments.of("a + b > c atan2 d", bin(BinaryOp.GTR, bin(BinaryOp.ADD, sel("a"), sel("b"), DEFAULT),
                        bin(BinaryOp.ATAN2, sel("c"), sel("d"), DEFAULT), DEFAULT)),
                Arguments.of("a > bool 1", new BinaryExpr(BinaryOp.GTR, sel("a"), num(1), null, true, P)),
                Arguments.of("a * on(b) group_left(c) d", bin(BinaryOp.MUL, sel("a"), sel("d"),
                        new VectorMatching(Cardinality.MANY_TO_ONE, List.of("b"), true, List.of("c")))),
                Arguments.of("a / ignoring(b) group_right d", bin(BinaryOp.DIV, sel("a"), sel("d"),
                        new VectorMatching(Cardinality.ONE_TO_MANY, List.of("b"), false, List.of()))),
                Arguments.of("a and on() b", bin(BinaryOp.LAND, sel("a"), sel("b"),
                        new VectorMatching(Cardinality.MANY_TO_MANY, List.of(), true, List.of()))),
                Arguments.of("010", num(8)),
                Arguments.of("08", num(8)),
                Arguments.of("0x1F", num(31)),
                Arguments.of(".5", num(0.5)),
                Arguments.of("2.", num(2)),
                Arguments.of("12.34e+6", num(12.34e6)),
                Arguments.of("-Inf", num(Double.NEGATIVE_INFINITY)),
                Arguments.of("nAn", num(Double.NaN)),
                Arguments.of("\"a\\nb\\x41\\u00e9\\101\"", str("a\nbAéA")),
                Arguments.of("'it\\'s'", str("it's")),
                Arguments.of("`raw\\n`", str("raw\\n")),
                Arguments.of("foo offset -5m @ 123.4", new VectorSelector("foo", nameOnly("foo"), -300_000,
                        AtModifier.at(123_400), P)),
                Arguments.of("foo @ start() offset 1h30m", new VectorSelector("foo", nameOnly("foo"), 5_400_000,
                        new AtModifier(AtModifier.Kind.START, 0), P)),
                Arguments.of("rate(foo[5m] offset 1m)", call("rate", new MatrixSelector(
                        new VectorSelector("foo", nameOnly("foo"), 60_000, null, P), 300_000, P))),
                Arguments.of("foo[1h:1m] @ end()", new SubqueryExpr(sel("foo"), 3_600_000, 60_000, 0,
                        new AtModifier(AtModifier.Kind.END, 0), P)),
                Arguments.of("max_over_time(rate(x[1m])[5m:])", call("max_over_time", new SubqueryExpr(
                        call("rate", new MatrixSelector((VectorSelector) sel("x"), 60_000, P)), 300_000, 0, 0, null, P))),
                Arguments.of("label_replace(x, \"a\", \"b\", \"c\", \"(.*)\")", call("label_replace", sel("x"), str("a"),
                        str("b"), str("c"), str("(.*)"))),
                Arguments.of("day_of_month()", call("day_of_month")),
                Arguments.of("foo # the metric\n + # plus\n bar", bin(BinaryOp.ADD, sel("foo"), sel("bar"), DEFAULT)),
                Arguments.of("1 + foo", bin(BinaryOp.ADD, num(1), sel("foo"), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asts")
    void parsesTo(String query, Expr expected) {
        assertThat(Ast.withoutPositions(PromqlParser.parse(query))).isEqualTo(expected);
    }

    @Test
    void recordsCharacterPositions() {
        BinaryExpr sum = (BinaryExpr) PromqlParser.parse("foo offset 5m + -1");
        assertThat(sum.pos()).isEqualTo(new PositionRange(0, 18));
        assertThat(sum.lhs().pos()).isEqualTo(new PositionRange(0, 13));
        assertThat(sum.rhs().pos()).isEqualTo(new PositionRange(16, 18));

        AggregateExpr agg = (AggregateExpr) PromqlParser.parse("sum(rate(x{a=\"é\"}[5m])) by (a)");
        assertThat(agg.pos()).isEqualTo(new PositionRange(0, 30));
        Call rate = (Call) agg.expr();
        assertThat(rate.pos()).isEqualTo(new PositionRange(4, 22));
        assertThat(rate.args().get(0).pos()).isEqualTo(new PositionRange(9, 21));
        assertThat(((MatrixSelector) rate.args().get(0)).selector().pos()).isEqualTo(new PositionRange(9, 17));
    }

    @Test
    void typesFollowPrometheus() {
        assertThat(PromqlParser.parse("1 + 2").type()).isEqualTo(ValueType.SCALAR);
        assertThat(PromqlParser.parse("1 + foo").type()).isEqualTo(ValueType.VECTOR);
        assertThat(PromqlParser.parse("foo[5m]").type()).isEqualTo(ValueType.MATRIX);
        assertThat(PromqlParser.parse("scalar(foo)").type()).isEqualTo(ValueType.SCALAR);
        assertThat(PromqlParser.parse("\"s\"").type()).isEqualTo(ValueType.STRING);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("sum(foo) by", 1, 12, "unexpected end of input in grouping opts, expected \"(\""),
                Arguments.of("", 1, 1, "no expression found in input"),
                Arguments.of("foo +\n  bar baz", 2, 7, "unexpected identifier \"baz\""),
                Arguments.of("(foo", 1, 5, "unclosed left parenthesis"),
                Arguments.of("1 == 1", 1, 3, "comparisons between scalars must use BOOL modifier"),
                Arguments.of("rate(foo)", 1, 6, "expected type range vector in call to function \"rate\", got instant vector"),
                Arguments.of("sum(foo[5m])", 1, 5, "expected type instant vector in aggregation expression, got range vector"),
                Arguments.of("foo[5m] + 1", 1, 1, "binary expression must contain only scalar and instant vector types"),
                Arguments.of("1 and foo", 1, 1, "set operator \"and\" not allowed in binary scalar expression"),
                Arguments.of("a and on(b) group_left c", 1, 1, "no grouping allowed for \"and\" operation"),
                Arguments.of("{a=~\".*\"}", 1, 1, "vector selector must contain at least one non-empty matcher"),
                Arguments.of("foo{__name__=\"bar\"}", 1, 1, "metric name must not be set twice: \"foo\" or \"bar\""),
                Arguments.of("{a=~\"(\"}", 1, 2, "error parsing regexp: missing closing ): `^(?:()$`"),
                Arguments.of("foo offset 1m offset 2m", 1, 1, "offset may not be set multiple times"),
                Arguments.of("foo @ 1 @ 2", 1, 1, "@ <timestamp> may not be set multiple times"),
                Arguments.of("foo @ Inf", 1, 1, "timestamp out of bounds for @ modifier: +Inf"),
                Arguments.of("(foo)[5m]", 1, 6, "ranges only allowed for vector selectors"),
                Arguments.of("1[5m:]", 1, 1, "subquery is only allowed on instant vector, got scalar instead"),
                Arguments.of("label_join(x, \"a\")", 1, 1, "expected at least 3 argument(s) in call to \"label_join\", got 2"),
                Arguments.of("round(x, 1, 2)", 1, 1, "expected at most 2 argument(s) in call to \"round\", got 3"),
                Arguments.of("time(1)", 1, 1, "expected 0 argument(s) in call to \"time\", got 1"),
                Arguments.of("nonexistent(1)", 1, 1, "unknown function with name \"nonexistent\""),
                Arguments.of("x[0s]", 1, 3, "duration must be greater than 0"),
                Arguments.of("x[1.5m]", 1, 3, "not a valid duration string: \"1.5m\""),
                Arguments.of("'\\q'", 1, 1, "unknown escape sequence U+0071 'q'"),
                Arguments.of("é é", 1, 1, "unexpected character: 'é'"),
                Arguments.of("foo{a=\"é\"} ^^", 1, 14, "unexpected <op:^>"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("errors")
    void rejectsWithPrometheusMessage(String query, int line, int column, String message) {
        assertThatThrownBy(() -> PromqlParser.parse(query))
                .isInstanceOfSatisfying(PromqlParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.detail()).isEqualTo(message);
                    assertThat(e.prometheusMessage()).isEqualTo(line + ":" + column + ": parse error: " + message);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    /** Recorded from promtool 2.42 ('check rules' with block-scalar expressions). */
    static Stream<Arguments> multiLine() {
        return Stream.of(
                Arguments.of("sum(\n  rate(x[5m])\n) by", "3:5: parse error: unexpected end of input in grouping opts, expected \"(\""),
                Arguments.of("foo{\n a=\"b\",\n c\n}", "4:1: parse error: unexpected \"}\" in label matching, expected label matching operator"),
                Arguments.of("# comment\nfoo\n+ # more\nbar[5m]", "4:1: parse error: binary expression must contain only scalar and instant vector types"),
                Arguments.of("x\n\n\n  @ bar", "4:5: parse error: unexpected identifier \"bar\" in @, expected timestamp"),
                Arguments.of("rate(\n  x[5m],\n)", "2:8: parse error: trailing commas not allowed in function call args"),
                Arguments.of("a\n  and on(b)\n  group_left c", "1:1: parse error: no grouping allowed for \"and\" operation"),
                Arguments.of("x [5m\n:\n]\n offset 1m \n ]", "5:2: parse error: unexpected right bracket ']'"),
                Arguments.of("\u00e9\n  \u00e9 \u00e9", "1:1: parse error: unexpected character: '\u00e9'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("multiLine")
    void locatesErrorsInMultiLineQueriesLikePromtool(String query, String promtool) {
        assertThatThrownBy(() -> PromqlParser.parse(query)).isInstanceOfSatisfying(PromqlParseException.class,
                e -> assertThat(e.prometheusMessage()).isEqualTo(promtool));
    }

    @Test
    void shiftsErrorLocationsToWhereTheQueryStarts() {
        SourceLocation origin = new SourceLocation("rules.yml", 10, 11);
        assertThatThrownBy(() -> PromqlParser.parse("sum(x) by", origin, PromqlProfile.V2_42))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new SourceLocation("rules.yml", 10, 20));
                    assertThat(e.render()).startsWith("rules.yml:10:20: invalid PromQL expression: unexpected end of input");
                });
        assertThatThrownBy(() -> PromqlParser.parse("foo +\n  bar baz", origin, PromqlProfile.V2_42))
                .isInstanceOfSatisfying(BadInputException.class,
                        e -> assertThat(e.location()).isEqualTo(new SourceLocation("rules.yml", 11, 7)));
        // Prometheus counts bytes, file locations count characters.
        assertThatThrownBy(() -> PromqlParser.parse("foo{a=\"\u00e9\"} ^^", origin, PromqlProfile.V2_42))
                .isInstanceOfSatisfying(PromqlParseException.class, e -> {
                    assertThat(e.prometheusMessage()).startsWith("1:14: ");
                    assertThat(e.location()).isEqualTo(new SourceLocation("rules.yml", 10, 23));
                });
    }

    @Test
    void withoutAnOriginTheLocationIsInTheQuery() {
        assertThatThrownBy(() -> PromqlParser.parse("rate(x[5m]"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.render())
                        .isEqualTo("<query>:1:11: invalid PromQL expression: unclosed left parenthesis"));
        assertThatThrownBy(() -> PromqlParser.parse("rate(x[5m]", SourceLocation.UNKNOWN, PromqlProfile.V2_42))
                .hasMessage("invalid PromQL expression: unclosed left parenthesis (line 1, column 11 of the expression)");
    }

    private static Expr sel(String name, LabelMatcher... matchers) {
        List<LabelMatcher> all = new ArrayList<>(Arrays.asList(matchers));
        all.add(m(LabelMatcher.Type.EQUAL, "__name__", name));
        return new VectorSelector(name, all, 0, null, P);
    }

    private static List<LabelMatcher> nameOnly(String name) {
        return List.of(m(LabelMatcher.Type.EQUAL, "__name__", name));
    }

    private static LabelMatcher m(LabelMatcher.Type type, String name, String value) {
        return new LabelMatcher(type, name, value);
    }

    private static Expr num(double value) {
        return new NumberLiteral(value, P);
    }

    private static Expr str(String value) {
        return new StringLiteral(value, P);
    }

    private static Expr bin(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching) {
        return new BinaryExpr(op, lhs, rhs, matching, false, P);
    }

    private static Expr agg(AggregationOp op, Expr expr, Expr param, List<String> grouping, boolean without) {
        return new AggregateExpr(op, expr, param, grouping, without, P);
    }

    private static Expr call(String name, Expr... args) {
        return new Call(Functions.get(name, PromqlProfile.V2_42), List.of(args), P);
    }
}
