package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.ast.Expr;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pathological input ends in a PromqlParseException, never a StackOverflowError or OutOfMemoryError. */
class LimitsTest {
    private static final int MEGABYTE = 1 << 20;

    static Stream<Arguments> tooDeep() {
        return Stream.of(
                Arguments.of("10,000 parentheses", "(".repeat(10_000) + "foo" + ")".repeat(10_000)),
                Arguments.of("unclosed parentheses", "(".repeat(MEGABYTE)),
                Arguments.of("10,000 signs", "-".repeat(10_000) + "foo"),
                Arguments.of("right-associative chain", "foo" + " ^ foo".repeat(10_000)),
                Arguments.of("right-associative chain with signs", "foo" + " ^ -foo".repeat(10_000)),
                Arguments.of("nested calls", "abs(".repeat(5_000) + "foo" + ")".repeat(5_000)),
                Arguments.of("nested aggregations", "sum(".repeat(2_000) + "foo" + ")".repeat(2_000)),
                Arguments.of("long left-associative chain", "foo" + " + foo".repeat(100_000)),
                Arguments.of("stacked subqueries", "foo" + "[5m:]".repeat(20_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooDeep")
    void deepNestingIsRejected(String name, String query) {
        assertThatThrownBy(() -> PromqlParser.parse(query))
                .isInstanceOfSatisfying(PromqlParseException.class,
                        e -> assertThat(e.detail()).contains("nested too deeply"));
    }

    @Test
    void manySeparateOperatorsAreNotNesting() {
        String squares = "(" + String.join(" + ", Collections.nCopies(500, "x ^ -2")) + ")";
        assertThat(PromqlParser.parse(String.join(" * ", Collections.nCopies(3, squares)))).isNotNull();
    }

    @Test
    void nestingUpToTheLimitParses() {
        int depth = PromqlParser.MAX_NESTING - 1;
        Expr expr = PromqlParser.parse("(".repeat(depth) + "foo" + ")".repeat(depth));
        assertThat(PromqlPrinter.print(expr)).hasSize(2 * depth + 3);
    }

    @Test
    void deepNestingIsRejectedEvenOnASmallThreadStack() throws InterruptedException {
        Throwable[] outcome = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                PromqlParser.parse("(".repeat(900) + "1" + ")".repeat(900) + " + " + "-".repeat(900) + "1");
            } catch (Throwable t) {
                outcome[0] = t;
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        // Either it fits, or it fails cleanly: never a StackOverflowError.
        if (outcome[0] != null) {
            assertThat(outcome[0]).isInstanceOf(PromqlParseException.class);
        }
    }

    static Stream<Arguments> huge() {
        String matchers = IntStream.range(0, 60_000).mapToObj(i -> "l" + i + "=\"v\"").collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("1 MB string literal", "\"" + "a".repeat(MEGABYTE) + "\"", true),
                Arguments.of("1 MB label set", "{" + matchers + "}", true),
                Arguments.of("1 MB metric name", "m".repeat(MEGABYTE), true),
                Arguments.of("1 MB of garbage", "@#$".repeat(MEGABYTE / 3), false),
                Arguments.of("1 MB unterminated string", "\"" + "a".repeat(MEGABYTE), false),
                Arguments.of("1 MB of sums in parentheses", "(1" + " + 1".repeat(MEGABYTE / 4) + ")", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("huge")
    void hugeInputIsHandled(String name, String query, boolean valid) {
        if (valid) {
            assertThat(PromqlParser.parse(query)).isNotNull();
        } else {
            assertThatThrownBy(() -> PromqlParser.parse(query)).isInstanceOf(PromqlParseException.class);
        }
    }
}
