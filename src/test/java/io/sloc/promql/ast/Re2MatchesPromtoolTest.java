package io.sloc.promql.ast;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.golang.regexp.Re2;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Label matcher regexes select the same label values as in promtool 2.42 (recorded). */
class Re2MatchesPromtoolTest {
    static final List<String> VALUES = List.of("", "a", "A", "ab", "abc", "a\nb", "a\rb", "é", "É", "1", "123", " ",
            "a b", "foo", "FOO", "x.y", "x_y", "_", "aa", "ba", "-", "\t", "z");

    static Stream<Arguments> recorded() throws IOException {
        try (InputStream in = Re2MatchesPromtoolTest.class.getResourceAsStream("promtool-regex-matches.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isEmpty())
                    .map(l -> l.split("\t", -1))
                    .map(f -> Arguments.of(f[0], f[1]))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void selectsTheSameValues(String regex, String promtoolIndexes) {
        Pattern pattern = Re2.compileAnchored(regex);
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < VALUES.size(); i++) {
            if (pattern.matcher(VALUES.get(i)).matches()) {
                ours.add(String.valueOf(i));
            }
        }
        List<String> expected = promtoolIndexes.isEmpty() ? List.of() : Arrays.asList(promtoolIndexes.split(","));
        assertThat(ours).containsExactlyInAnyOrderElementsOf(expected);
    }
}
