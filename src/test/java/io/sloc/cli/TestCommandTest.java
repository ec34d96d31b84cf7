package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.SlocCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
    private final SlocCli sloc = new SlocCli();

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
        assertThat(sloc.run("test", "--prometheus", "2.42", f.toString())).isEqualTo(0);
        assertThat(sloc.out()).isEqualTo("Unit Testing:  " + f + "\n  SUCCESS\n\n");
        assertThat(sloc.err()).isEmpty();
    }

    @Test
    void failingGroupExitsOneAndRunSelectsGroups(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", TWO_GROUPS);
        assertThat(sloc.run("test", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).isEqualTo("  FAILED:\n    expr: \"vector(1)\", time: 0s,\n"
                + "        exp: {} 2E+00\n        got: {} 1E+00\n");
        assertThat(sloc.run("test", "--run", "^pass", f.toString())).isEqualTo(0);
    }

    @Test
    void junitReportHasOneCasePerGroup(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", TWO_GROUPS);
        Path xml = dir.resolve("out/report.xml");
        sloc.run("test", "--prometheus", "2.42", "--junit", xml.toString(), f.toString());
        String report = Files.readString(xml);
        assertThat(report).contains("<testsuite name=\"" + f + "\" tests=\"2\" failures=\"1\"")
                .contains("<testcase classname=\"" + f + "\" name=\"passes\" file=\"" + f + "\" line=\"2\"")
                .contains("name=\"fails\"").contains("<failure message=\"expr: &quot;vector(1)&quot;, time: 0s,\">");
    }

    @Test
    void brokenTestFileFailsThatFileWithOne(@TempDir Path dir) throws Exception {
        Path f = write(dir, "bad.yml", "tests:\n  - foo: 1\n");
        assertThat(sloc.run("test", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).isEqualTo(
                "  FAILED:\nyaml: unmarshal errors:\n  line 2: field foo not found in type main.testGroup\n");
    }

    @Test
    void missingFileDirectoryOrNoFileIsPromtoolsArgumentError(@TempDir Path dir) throws Exception {
        Path ok = write(dir, "ok.yml", "tests: []\n");
        Files.createDirectories(dir.resolve("sub/d"));
        assertArgumentError("path '/nonexistent/t*.yml' does not exist", ok.toString(), "/nonexistent/t*.yml");
        assertArgumentError("'d' is a directory", "--prometheus", "2.42", dir.resolve("sub/d") + "/");
        assertArgumentError("stat " + ok + "/x: not a directory", ok + "/x");
        assertArgumentError("required argument 'test-rule-file' not provided");
    }

    private static void assertArgumentError(String error, String... arguments) {
        SlocCli cli = new SlocCli();
        List<String> args = new ArrayList<>(List.of("test"));
        args.addAll(List.of(arguments));
        assertThat(cli.run(args)).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("promtool: error: " + error + ", try --help\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void invalidRunRegexIsAUsageError(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", TWO_GROUPS);
        assertThat(sloc.run("test", "--run", "(", f.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).startsWith("--run: error: invalid regular expression");
        assertThat(sloc.out()).isEmpty();
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
        assertThat(sloc.run("test", "--prometheus", "2.42", f.toString())).isEqualTo(0);
        assertThat(sloc.run("test", "--prometheus", "2.42", "--max-samples", "10000", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).contains(
                "err: query processing would load too many samples into memory in query execution");
    }

    @Test
    void jobsRunFilesAtOnceWithTheSequentialOutput(@TempDir Path dir) throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(write(dir, i + ".yml", i % 3 == 0 ? TWO_GROUPS : i % 3 == 1 ? "tests: [1]\n"
                    : "tests:\n  - promql_expr_test: [{expr: vector(1), exp_samples: [{value: 1}]}]\n").toString());
        }
        List<String> sequential = new ArrayList<>(List.of("test", "-j", "1"));
        sequential.addAll(files);
        List<String> parallel = new ArrayList<>(List.of("test", "--jobs", "4"));
        parallel.addAll(files);
        assertThat(sloc.run(sequential.toArray(String[]::new))).isEqualTo(1);
        String out = sloc.out();
        String err = sloc.err();
        assertThat(out).contains("  SUCCESS");
        assertThat(err).contains("  FAILED:");
        assertThat(sloc.run(parallel.toArray(String[]::new))).isEqualTo(1);
        assertThat(sloc.out()).isEqualTo(out + out); // the CLI collects both runs' output
        assertThat(sloc.err()).isEqualTo(err + err);
        assertThat(sloc.run("test", "--jobs", "0", files.get(0))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).endsWith("--jobs: error: must be at least 1 [test]\n");
    }
}
