package io.sloc.golang.regexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.ast.LabelMatcher;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Go RE2 semantics on java.util.regex, anchored as Prometheus anchors label matchers. */
class Re2Test {
    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("(?i)foo", "FoO", true),
                Arguments.of("a.c", "abc", true),
                Arguments.of("a.c", "a\nc", false),
                Arguments.of("a.c", "a\rc", true),
                Arguments.of("(?s)a.c", "a\nc", true),
                Arguments.of("a$", "a\n", false),
                Arguments.of("\\d+", "123", true),
                Arguments.of("\\d", "\u0663", false),
                Arguments.of("\\s", "\u000B", false),
                Arguments.of("\\s", "\t", true),
                Arguments.of("[[:alpha:]]+", "abc", true),
                Arguments.of("[[:^digit:]]", "a", true),
                Arguments.of("[]a]+", "]a", true),
                Arguments.of("x{2,3}", "xx", true),
                Arguments.of("a{", "a{", true),
                Arguments.of("a{,2}", "a{,2}", true),
                Arguments.of("[^a]", "\n", true),
                Arguments.of("foo|bar.*", "barx", true),
                Arguments.of("foo|bar.*", "bax", false),
                Arguments.of("[a-z&&[^b]]", "&]", true),
                Arguments.of("\\pL+", "\u00e9", true),
                Arguments.of("\\p{Greek}", "\u03b1", true),
                Arguments.of("\\PL", "1", true),
                Arguments.of("[\\d\\s]+", "1 2", true),
                Arguments.of("\\x41\\x{42}", "AB", true),
                Arguments.of("\\101", "A", true),
                Arguments.of("\\Qa.b\\E", "a.b", true),
                Arguments.of("\\Qa.b\\E", "axb", false),
                Arguments.of("(?i)\u00e9", "\u00c9", true),
                Arguments.of("(?U)a+", "a", true),
                Arguments.of("(?m)^b$", "b", true),
                Arguments.of("a\\.b", "a.b", true),
                Arguments.of("\\.", "x", false),
                Arguments.of("", "", true),
                Arguments.of("\\z", "", true),
                Arguments.of("(?i:A)b", "aB", false),
                Arguments.of("(a)(?:b)", "ab", true),
                Arguments.of("^*a$?\\b{2}", "a", true),
                Arguments.of("[[:word:]]+[[:^word:]]", "a_1-", true),
                Arguments.of("\\d\\D\\w\\W", "1a_ ", true));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("matches")
    void matchesLikeGo(String re, String input, boolean matches) {
        assertThat(Re2.compileAnchored(re).matcher(input).matches()).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(|missing closing ): `^(?:()$`", "a)|unexpected ): `^(?:a))$`", "\\1|invalid escape sequence: `\\1`",
        "(?=a)|invalid or unsupported Perl syntax: `(?=`", "(?!a)|invalid or unsupported Perl syntax: `(?!`",
        "a**|invalid nested repetition operator: `**`", "a*+|invalid nested repetition operator: `*+`",
        "*|missing argument to repetition operator: `*`", "x{2,1}|invalid repeat count: `{2,1}`",
        "x{1001}|invalid repeat count: `{1001}`", "\\q|invalid escape sequence: `\\q`",
        "[z-a]|invalid character class range: `z-a`", "[[:foo:]]|invalid character class range: `[:foo:]`",
        "\\k<a>|invalid escape sequence: `\\k`", "(?P<a-b>x)|invalid named capture: `(?P<a-b>`",
        "\\x{110000}|invalid escape sequence: `\\x{110000`", "[a-\\pL]|invalid escape sequence: `\\p`",
        ")\\Q|unexpected ): `)\\Q`", "[\\Qa\\E]|invalid escape sequence: `\\Q`"})
    void rejectsLikeGo(String re, String goError) {
        assertThatThrownBy(() -> Re2.compileAnchored(re)).isInstanceOfSatisfying(PatternSyntaxException.class,
                e -> assertThat(e.getDescription()).isEqualTo("error parsing regexp: " + goError));
    }

    @Test
    void exposesGoGroupNames() {
        // Go accepts a repeated name; $host means the first group.
        Re2.Regex regex = Re2.compile("(?P<host>[^:]+):(\\d+)(?P<rest>.*)(?P<host>)");
        assertThat(regex.namedGroups()).isEqualTo(Map.of("host", 1, "rest", 3));
        var m = regex.pattern().matcher("a:80/x");
        assertThat(m.matches()).isTrue();
        assertThat(m.group(regex.namedGroups().get("host"))).isEqualTo("a");
        assertThat(m.group(2)).isEqualTo("80");
    }

    @Test
    void labelMatchersUseGoSemantics() {
        assertThat(new LabelMatcher(LabelMatcher.Type.REGEX, "a", "x.y").matches("x\ny")).isFalse();
        assertThat(new LabelMatcher(LabelMatcher.Type.NOT_REGEX, "a", "(?i)prod").matches("PROD")).isFalse();
        assertThat(new LabelMatcher(LabelMatcher.Type.REGEX, "a", "b|c").matches("bc")).isFalse();
    }
}
