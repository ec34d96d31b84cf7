package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.Ast;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.DurationExpr;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.VectorSelector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Prometheus 3's additions to the language, and that the 2.42 profile still rejects them as 2.42 does. */
class Prometheus3SyntaxTest {
    private static final PromqlProfile V3 = PromqlProfile.V3_14;
    private static final PromqlProfile EXPERIMENTAL = V3.withFeatures(
            Set.of("promql-extended-range-selectors", "promql-binop-fill-modifiers"));

    private static String error(String query, PromqlProfile profile) {
        try {
            PromqlParser.parse(query, profile);
        } catch (PromqlParseException e) {
            return e.prometheusMessage();
        }
        throw new AssertionError("parsed: " + query);
    }

    @Test
    void quotedNamesSelectUtf8MetricsAndLabels() {
        VectorSelector s = (VectorSelector) PromqlParser.parse("{\"my.metric\", \"a.b\"=~\"c.*\", d!=\"e\",}", V3);
        assertThat(s.name()).isNull();
        assertThat(s.matchers()).containsExactly(new LabelMatcher(LabelMatcher.Type.EQUAL, "__name__", "my.metric"),
                new LabelMatcher(LabelMatcher.Type.REGEX, "a.b", "c.*"),
                new LabelMatcher(LabelMatcher.Type.NOT_EQUAL, "d", "e"));
        AggregateExpr sum = (AggregateExpr) PromqlParser.parse("sum by (\"a.b\", c) ({\"x.y\"})", V3);
        assertThat(sum.grouping()).containsExactly("a.b", "c");
        BinaryExpr on = (BinaryExpr) PromqlParser.parse("a / on(\"k.8s\") group_left(\"n.o\") b", V3);
        assertThat(on.matching().labels()).containsExactly("k.8s");
        assertThat(on.matching().include()).containsExactly("n.o");
    }

    @Test
    void quotedNamesAreChecked() {
        assertThat(error("sum by (\"\") (x)", V3)).isEqualTo("1:9: parse error: invalid label name for grouping: \"\"");
        assertThat(error("x{\"y\"}", V3)).contains("metric name must not be set twice: \"x\" or \"y\"");
        assertThat(error("{\"a.b\"=\"\"}", V3)).contains("vector selector must contain at least one non-empty matcher");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"my.metric\"}", "sum by (\"a.b\") (x)", "x[5m+1m]", "x offset 5", "5m", "x[5]",
        "x offset step()"})
    void prometheus242RejectsTheNewSyntax(String query) {
        assertThatThrownBy(() -> PromqlParser.parse(query)).isInstanceOf(PromqlParseException.class);
        PromqlParser.parse(query, V3);
    }

    @Test
    void prometheus242KeepsItsMessages() {
        assertThat(error("{\"a\"}", PromqlProfile.V2_42))
                .isEqualTo("1:2: parse error: unexpected string \"\\\"a\\\"\" in label matching, expected identifier or \"}\"");
        assertThat(error("x[5m+1m]", PromqlProfile.V2_42))
                .isEqualTo("1:5: parse error: unexpected <op:+> in subquery or range, expected \":\" or \"]\"");
        assertThat(error("x offset 5", PromqlProfile.V2_42))
                .isEqualTo("1:10: parse error: unexpected number \"5\" in offset, expected duration");
        assertThat(error("@@", PromqlProfile.V2_42)).isEqualTo("1:1: parse error: unexpected \"<Item 57385>\" <op:@>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x offset|1:9: parse error: unexpected end of input in offset, expected number, duration, step(), or range()",
        "x[]|1:3: parse error: unexpected \"]\" in subquery or range selector, expected number, duration, step(), or range()",
        "x[5m:]|",
        "x[5m 1m]|1:6: parse error: unexpected duration \"1m\" in subquery or range, expected \":\" or \"]\"",
        "x[5m:1m 2]|1:9: parse error: unexpected number \"2\" in subquery selector, expected \"]\"",
        "x[foo]|1:3: parse error: unexpected character in duration expression: 'f'",
        "x[5s y]|1:6: parse error: unexpected character: 'y', expected ':'",
        "x[:5m]|1:3: parse error: unexpected colon before duration in duration expression",
        "x[|1:3: parse error: unexpected end of input in duration expression",
        "@@|1:1: parse error: unexpected <op:@>",
        "x @ start() [5m]|1:13: parse error: no @ modifiers allowed before range",
        "x[5m/0]|1:5: parse error: division by zero",
        "x[0]|1:3: parse error: duration must be greater than 0",
        "x[5y1hs]|1:3: parse error: unknown unit \"hs\" in duration \"5y1hs\"",
        "x[5m1h]|1:3: parse error: not a valid duration string: \"5m1h\"",
        "x[5m] anchored|1:1: parse error: anchored modifier is experimental and not enabled",
        "a + fill(0) b|1:1: parse error: binop fill modifiers are experimental and not enabled",
    })
    void prometheus3Messages(String query, String message) {
        if (message == null) {
            PromqlParser.parse(query, V3);
        } else {
            assertThat(error(query, V3)).isEqualTo(message);
        }
    }

    @Test
    void durationExpressionsKeepTheirTreeAndLiteralsFold() {
        MatrixSelector plain = (MatrixSelector) PromqlParser.parse("x[90]", V3);
        assertThat(plain.rangeMs()).isEqualTo(90_000);
        assertThat(plain.rangeExpr()).isNull();
        MatrixSelector expr = (MatrixSelector) PromqlParser.parse("x[-5m + 2 * step()]", V3);
        assertThat(expr.rangeMs()).isZero();
        DurationExpr sum = expr.rangeExpr();
        assertThat(sum.op()).isEqualTo(DurationExpr.Op.ADD);
        assertThat(sum.lhs().value()).isEqualTo(-300);
        assertThat(sum.rhs().op()).isEqualTo(DurationExpr.Op.MUL);
        SubqueryExpr sq = (SubqueryExpr) PromqlParser.parse("x[1h:min_of(step(), 1m)] offset -(1m)", V3);
        assertThat(sq.rangeMs()).isEqualTo(3_600_000);
        assertThat(sq.stepExpr().op()).isEqualTo(DurationExpr.Op.MIN_OF);
        assertThat(sq.offsetExpr().op()).isEqualTo(DurationExpr.Op.SUB);
        assertThat(((NumberLiteral) PromqlParser.parse("1h", V3)).value()).isEqualTo(3600);
    }

    @Test
    void offsetTakesOneOperandUnlessParenthesised() {
        BinaryExpr plus = (BinaryExpr) PromqlParser.parse("x offset 1m + 2", V3);
        assertThat(((VectorSelector) plus.lhs()).offsetMs()).isEqualTo(60_000);
        VectorSelector inner = (VectorSelector) PromqlParser.parse("x offset (1m + 2)", V3);
        assertThat(inner.offsetExpr().wrapped()).isTrue();
        BinaryExpr pow = (BinaryExpr) PromqlParser.parse("x offset -2 ^ 2", V3);
        assertThat(((VectorSelector) pow.lhs()).offsetMs()).isEqualTo(-2000);
    }

    @Test
    void extendedSelectorsAndFillModifiers() {
        MatrixSelector anchored = (MatrixSelector) PromqlParser.parse("x[5m] anchored", EXPERIMENTAL);
        assertThat(anchored.selector().extension()).isEqualTo(RangeExtension.ANCHORED);
        VectorSelector smoothed = (VectorSelector) PromqlParser.parse("x @ 100 smoothed", EXPERIMENTAL);
        assertThat(smoothed.extension()).isEqualTo(RangeExtension.SMOOTHED);
        assertThat(error("x[5m] anchored smoothed", EXPERIMENTAL))
                .contains("anchored and smoothed modifiers cannot be used together");
        assertThat(error("x[5m:1m] smoothed", EXPERIMENTAL)).contains("smoothed modifier is not supported for subqueries");
        BinaryExpr fill = (BinaryExpr) PromqlParser.parse("a + on(k) fill_right(-1) fill_left(2m) b", EXPERIMENTAL);
        assertThat(fill.matching().fillLeft()).isEqualTo(120);
        assertThat(fill.matching().fillRight()).isEqualTo(-1);
        assertThat(error("a and fill(0) b", EXPERIMENTAL)).contains("filling in missing series not allowed for set operators");
        // Without '(' fill is a metric name.
        assertThat(PromqlParser.parse("fill + fill_left", EXPERIMENTAL)).isInstanceOf(BinaryExpr.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"my.metric\", \"a.b\"=\"c\"}|{__name__=\"my.metric\",\"a.b\"=\"c\"}",
        "sum by (\"a.b\", c) (x)|sum by (\"a.b\", c) (x)",
        "x[26m+4m]|x[26m + 4m]",
        "x[2m*(10+5):step()] offset -min_of(step(), 1s)|x[2m * (10 + 5):step()] offset -min_of(step(), 1s)",
        "x[(5m)] offset (100)|x[(5m)] offset (100)",
        "x[5m] anchored @ 10 offset 1m|x[5m] anchored @ 10.000 offset 1m",
        "x smoothed|x smoothed",
        "a + on(k) fill_left(1) fill_right(2) b|a + on (k) fill_left (1) fill_right (2) b",
        "a * fill(0) b|a * fill (0) b",
    })
    void printsPrometheus3SyntaxThatParsesBack(String query, String printed) {
        Expr parsed = PromqlParser.parse(query, EXPERIMENTAL);
        assertThat(PromqlPrinter.print(parsed)).isEqualTo(printed);
        assertThat(Ast.withoutPositions(PromqlParser.parse(printed, EXPERIMENTAL))).isEqualTo(Ast.withoutPositions(parsed));
    }

    @Test
    void seriesDescriptionsTakeQuotedNames() {
        assertThat(SeriesDescriptions.parseMetric("{\"my.metric\", \"a.b\"=\"c\"}", V3))
                .containsExactly(Map.entry("__name__", "my.metric"), Map.entry("a.b", "c"));
        assertThat(SeriesDescriptions.parseSeriesLine("{\"my.metric\"} 1+1x2", V3).values()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> SeriesDescriptions.parseMetric("{\"a.b\"=\"c\"}"))
                .isInstanceOf(PromqlParseException.class)
                .hasMessageContaining("in label set, expected identifier or \"}\"");
        assertThat(List.of(SeriesDescriptions.parseMetric("x{a=\"b\"}", V3).keySet().toArray()))
                .containsExactly("__name__", "a");
    }
}
