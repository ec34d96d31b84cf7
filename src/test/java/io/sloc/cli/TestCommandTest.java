package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String TWO_GROUPS = """
            tests:
              - name: passes
                promql_expr_test:
                  - expr: vector(1)
                    exp_samples: [{value: 1}]
              - name: fails
                promql_expr_test:
                  - expr: vector(1)
                    exp_samples: [{value: 2}]
            """;

    @Test
    void passingFileExitsZeroWithPromtoolsReport(@TempDir Path dir) throws Exception {
        Path f = write(dir, "ok.yml", "tests:\n  - promql_expr_test:\n      - expr: vector(1)\n"
                + "        exp_samples: [{value: 1}]\n");
        assertThat(run("test", f.toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("Unit Testing:  " + f + "\n  SUCCESS\n\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void failingGroupExitsOneAndRunSelectsGroups(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", TWO_GROUPS);
        assertThat(run("test", f.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("  FAILED:\n    expr: \"vector(1)\", time: 0s,\n"
                + "        exp: {} 2E+00\n        got: {} 1E+00\n");
        assertThat(run("test", "--run", "^pass", f.toString())).isEqualTo(0);
    }

    @Test
    void junitReportHasOneCasePerGroup(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", TWO_GROUPS);
        Path xml = dir.resolve("out/report.xml");
        run("test", "--junit", xml.toString(), f.toString());
        String report = Files.readString(xml);
        assertThat(report).contains("<testsuite name=\"" + f + "\" tests=\"2\" failures=\"1\"")
                .contains("<testcase classname=\"" + f + "\" name=\"passes\" file=\"" + f + "\" line=\"2\"")
                .contains("name=\"fails\"").contains("<failure message=\"expr: &quot;vector(1)&quot;, time: 0s,\">");
    }

    @Test
    void brokenTestFileFailsThatFileWithOne(@TempDir Path dir) throws Exception {
        Path f = write(dir, "bad.yml", "tests:\n  - foo: 1\n");
        assertThat(run("test", f.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "  FAILED:\nyaml: unmarshal errors:\n  line 2: field foo not found in type main.testGroup\n");
    }

    @Test
    void missingFileIsAUsageErrorWithoutStackTrace() {
        assertThat(run("test", "/nonexistent/t.yml")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: /nonexistent/t.yml").doesNotContain("Exception");
    }

    @Test
    void invalidRunRegexIsAUsageError(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", TWO_GROUPS);
        assertThat(run("test", "--run", "(", f.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: --run: invalid regular expression");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void maxSamplesReproducesPromtoolsLimit(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", """
                evaluation_interval: 1h
                tests:
                  - interval: 1s
                    input_series:
                      - series: dense
                        values: 0+1x12000
                    promql_expr_test:
                      - expr: count_over_time(dense[3h])
                        eval_time: 3h
                        exp_samples: [{value: 10801}]
                """);
        assertThat(run("test", f.toString())).isEqualTo(0);
        assertThat(run("test", "--max-samples", "10000", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(
                "err: query processing would load too many samples into memory in query execution");
    }
}
