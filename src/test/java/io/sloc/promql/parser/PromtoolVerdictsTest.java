package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our verdict on each expression equals the one recorded from promtool 2.42: accepted, or rejected with exactly
 * Prometheus's message and position.
 */
class PromtoolVerdictsTest {
    static Stream<Arguments> verdicts() throws IOException {
        return read("promtool-verdicts.tsv");
    }

    static Stream<Arguments> functionVerdicts() throws IOException {
        return read("promtool-function-verdicts.tsv");
    }

    private static Stream<Arguments> read(String resource) throws IOException {
        try (InputStream in = PromtoolVerdictsTest.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .collect(Collectors.toList());
            return lines.stream().map(l -> {
                int tab = l.lastIndexOf('\t');
                return Arguments.of(l.substring(0, tab), l.substring(tab + 1));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void matchesPromtool(String expression, String promtoolVerdict) {
        assertThat(verdict(expression)).isEqualTo(promtoolVerdict);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionVerdicts")
    void functionSignaturesMatchPromtool(String expression, String promtoolVerdict) {
        assertThat(verdict(expression)).isEqualTo(promtoolVerdict);
    }

    static String verdict(String expression) {
        try {
            PromqlParser.parse(expression);
            return "SUCCESS";
        } catch (PromqlParseException e) {
            return e.prometheusMessage();
        }
    }
}
