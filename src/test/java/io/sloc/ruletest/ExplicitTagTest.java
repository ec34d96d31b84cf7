package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.UserFacingText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scalars with an explicit tag ({@code !!int z}) in test files (yaml.v2) and rule files (yaml.v3): go-yaml resolves
 * the text as if it were plain and refuses a tag it does not resolve to; sloc's output is the real promtool's.
 */
class ExplicitTagTest {
    private static final String TEST_FILE = """
            rule_files: [r.yml]
            tests:
            - interval: 1m
              promql_expr_test:
              - expr: %s
                eval_time: %s
                exp_samples: [{labels: '{}', value: 1}]
            """;
    private static final String RULE_FILE = """
            groups:
            - name: %s
              limit: %s
              rules:
              - record: r
                expr: vector(1)
                for: %s
                labels: {a: %s}
            """;

    @TempDir
    Path dir;

    @Test
    void anIntTagOnAWordIsRefusedWithGoYamlsMessage() throws IOException {
        PromtoolDifferentialTest.Outcome sloc = run(TEST_FILE.formatted("!!int z", "0"), RULE_FILE.formatted(
                "g", "0", "0s", "b"));
        assertThat(sloc.exitCode()).isEqualTo(1);
        assertThat(sloc.stderr()).isEqualTo("  FAILED:\nyaml: cannot decode !!str `z` as a !!int\n");
        assertThat(PromtoolDifferentialTest.promtoolAgrees(dir, sloc, "t.yml")).as(sloc.toString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!int z", "!!int 5", "!!int '5'", "!!int 0x1F", "!!int 0o17", "!!int 017",
        "!!int 1_000", "!!int -0b11", "!!int 5.0", "!!int 18446744073709551615", "!!int 18446744073709551616",
        "!!int <<", "!!int ~", "!!float 1", "!!float .5", "!!float 1e400", "!!float .inf", "!!float 1e3",
        "!!float 9223372036854775808", "!!float z", "!!bool yes", "!!bool true", "!!bool z", "!!null z",
        "!!null ~", "!!null ''", "!!str 5", "!!str ~", "!!binary dmVjdG9yKDEp", "!!binary '%%'",
        "!!timestamp 2001-12-14", "!!timestamp 2001-13-14", "!!timestamp 2001-12-14t21:59:43.10-05:00",
        "!!timestamp 2001-12-14 21:59:43.10", "!!timestamp z", "!!seq z", "!!map z", "!local z", "! z"})
    void testFileExprAsPromtoolReadsIt(String value) throws IOException {
        assertSameAsPromtool(TEST_FILE.formatted(value, "0"), RULE_FILE.formatted("g", "0", "0s", "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!int 0", "!!float 0", "!!float 1m", "!!str 1m", "!!binary MW0=", "!!null ~",
        "!!timestamp 2001-12-14"})
    void testFileDurationAsPromtoolReadsIt(String value) throws IOException {
        assertSameAsPromtool(TEST_FILE.formatted("vector(1)", value), RULE_FILE.formatted("g", "0", "0s", "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!bool yes", "!!bool true", "!!int z", "!!float 1", "!!null z", "!!binary Yg==",
        "!!binary '%%'", "!!timestamp 2001-12-14", "!!seq z"})
    void ruleFileStringsAsPromtoolReadsThem(String value) throws IOException {
        assertSameAsPromtool(TEST_FILE.formatted("vector(1)", "0"), RULE_FILE.formatted(value, "0", "0s", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!int 5", "!!float 5", "!!str 5", "!!int z", "!!null ~", "!!bool true", "5.5", "-2.5",
        ".nan", "1e300"})
    void ruleFileLimitAsPromtoolReadsIt(String value) throws IOException {
        assertSameAsPromtool(TEST_FILE.formatted("vector(1)", "0"), RULE_FILE.formatted("g", value, "0s", "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!int 5m", "!!str 5m", "!!float 0", "!!binary NW0="})
    void ruleFileDurationAsPromtoolReadsIt(String value) throws IOException {
        assertSameAsPromtool(TEST_FILE.formatted("vector(1)", "0"), RULE_FILE.formatted("g", "0", value, "b"));
    }

    private void assertSameAsPromtool(String testFile, String ruleFile) throws IOException {
        PromtoolDifferentialTest.Outcome sloc = run(testFile, ruleFile);
        UserFacingText.assertNoJavaClassNames(sloc.toString());
        assertThat(sloc.toString()).doesNotContain("internal error");
        assertThat(PromtoolDifferentialTest.promtoolAgrees(dir, sloc, "t.yml")).as(sloc.toString()).isTrue();
    }

    private PromtoolDifferentialTest.Outcome run(String testFile, String ruleFile) throws IOException {
        Files.writeString(dir.resolve("t.yml"), testFile);
        Files.writeString(dir.resolve("r.yml"), ruleFile);
        return PromtoolDifferentialTest.runSloc(dir, "t.yml");
    }
}
