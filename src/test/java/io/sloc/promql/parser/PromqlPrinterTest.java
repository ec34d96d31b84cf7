package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.BinaryOp;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.PositionRange;
import io.sloc.promql.ast.UnaryExpr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromqlPrinterTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SUM(rate(x[5m])) BY (job)|sum by (job) (rate(x[5m]))",
        "sum without(a,b)(x)|sum without (a, b) (x)",
        "topk(3,x)|topk(3, x)",
        "a*on(b)group_left(c)d|a * on (b) group_left (c) d",
        "a + ignoring(b) group_right c|a + ignoring (b) group_right () c",
        "a>bool 1|a > bool 1",
        "foo{a='b',b!=\"c\"}|foo{a=\"b\",b!=\"c\"}",
        "{__name__=\"foo\"}|{__name__=\"foo\"}",
        "x offset 90s @ 1.5|x @ 1.500 offset 1m30s",
        "x[1h] offset -1d|x[1h] offset -1d",
        "rate(x[5m])[1h:]|rate(x[5m])[1h:]",
        "(a + b)[5m:1m] @ start()|(a + b)[5m:1m] @ start()",
        "1e6|1e+06", "123456|123456", "0.0001|0.0001", "0.00001|1e-05", "1.5e300|1.5e+300", "-0.5|-0.5",
        "+Inf|Inf", "-inf|-Inf", "NaN|NaN", "0x10|16",
        "\"a\\tb\\\"c\"|\"a\\tb\\\"c\"", "'\\u00e9\\x7f'|\"é\\x7f\"", "`\\d`|\"\\\\d\"",
        "-2^2|-2 ^ 2", "(-2)^2|(-2) ^ 2", "2^3^2|2 ^ 3 ^ 2", "(2^3)^2|(2 ^ 3) ^ 2",
        "- - foo|--foo", "a - -b|a - -b", "a or b and c|a or b and c"})
    void printsInPrometheusLayout(String query, String printed) {
        assertThat(PromqlPrinter.print(PromqlParser.parse(query))).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "m{ns='a', job='x', job!~'y'}|m{job!~\"y\",job=\"x\",ns=\"a\"}",
        "absent(m{b='1', b!='2'}) * on () group_left vector(1)|absent(m{b!=\"2\",b=\"1\"}) * on () group_left () vector(1)",
        "{z='1', __name__=~'m', a!~'é', a!~'z'}|{__name__=~\"m\",a!~\"z\",a!~\"é\",z=\"1\"}",
        "rate(m{b='', a=''}[5m])|rate(m{a=\"\",b=\"\"}[5m])"})
    void printsAsPrometheusWithMatchersSortedByTheirText(String query, String printed) {
        Expr parsed = PromqlParser.parse(query);
        assertThat(PromqlPrinter.printAsPrometheus(parsed)).isEqualTo(printed);
        assertThat(PromqlPrinter.print(parsed)).isNotEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"MUL|ADD|(1 + 2) * 3", "POW|POW|(1 ^ 2) ^ 3", "SUB|SUB|1 - 2 - 3"})
    void addsParenthesesToBuiltTreesWhereNeeded(BinaryOp outer, BinaryOp inner, String printed) {
        Expr tree = new BinaryExpr(outer, new BinaryExpr(inner, num(1), num(2), null, false, PositionRange.NONE),
                num(3), null, false, PositionRange.NONE);
        assertThat(PromqlPrinter.print(tree)).isEqualTo(printed);
    }

    @org.junit.jupiter.api.Test
    void keepsSignsApartFromLiterals() {
        Expr negatedLiteral = new UnaryExpr(true, num(-1), PositionRange.NONE);
        assertThat(PromqlPrinter.print(negatedLiteral)).isEqualTo("-(-1)");
        Expr negativeBase = new BinaryExpr(BinaryOp.POW, num(-2), num(2), null, false, PositionRange.NONE);
        assertThat(PromqlPrinter.print(negativeBase)).isEqualTo("(-2) ^ 2");
    }

    private static Expr num(double v) {
        return new NumberLiteral(v, PositionRange.NONE);
    }
}
