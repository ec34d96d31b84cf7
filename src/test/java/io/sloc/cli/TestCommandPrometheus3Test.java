package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.SlocCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sloc test} as promtool 3.14's {@code test rules} (the default): options and output texts. */
class TestCommandPrometheus3Test {
    private final SlocCli sloc = new SlocCli();

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String THREE_GROUPS = """
            tests:
              - name: alpha
                promql_expr_test:
                  - expr: vector(1)
                    exp_samples: [{value: 1}]
              - name: beta
                promql_expr_test:
                  - expr: vector(1)
                    exp_samples: [{value: 2}]
              - promql_expr_test:
                  - expr: vector(1)
                    exp_samples: [{value: 1}]
            """;

    private static final String ALERTING = """
            rule_files: [rules.yml]
            tests:
              - name: g
                input_series:
                  - series: 'up{job="a"}'
                    values: 0x5
                alert_rule_test:
                  - eval_time: 2m
                    alertname: Down
                    exp_alerts:
                      - exp_labels: {job: b}
            """;

    private static final String RULES = """
            groups:
              - name: r
                rules:
                  - alert: Down
                    expr: up == 0
            """;

    @Test
    void promtool3PrintsNoFileHeader(@TempDir Path dir) throws Exception {
        Path f = write(dir, "ok.yml", "tests:\n  - promql_expr_test:\n      - expr: vector(1)\n"
                + "        exp_samples: [{value: 1}]\n");
        assertThat(sloc.run("test", f.toString())).isZero();
        assertThat(sloc.out()).isEqualTo("  SUCCESS\n\n");
        assertThat(sloc.run("test", "--prometheus", "3.14", f.toString())).isZero();
        assertThat(sloc.out()).isEqualTo("  SUCCESS\n\n  SUCCESS\n\n");
    }

    @Test
    void unknownPrometheusVersionIsAUsageErrorNamingTheAcceptedOnes(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", THREE_GROUPS);
        assertThat(sloc.run("test", "--prometheus", "2.53", f.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("Invalid value for option '--prometheus': unknown Prometheus version '2.53' (accepted: 3, 3.14, 2.42)")
                .doesNotContain("Exception");
        assertThat(sloc.out()).isEmpty();
    }

    @Test
    void runIsRepeatableAndAGroupRunsWhenAnyPatternMatches(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", THREE_GROUPS);
        assertThat(sloc.run("test", "--run", "alp", "--run", "^$", f.toString())).isZero();
        assertThat(sloc.run("test", "--run", "alp", "--run", "bet", f.toString())).isEqualTo(1);
    }

    @Test
    void runPatternsAreGoRegularExpressions(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", THREE_GROUPS);
        assertThat(sloc.run("test", "--run", "(?=alpha)", f.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).startsWith("--run: error: invalid regular expression: error parsing regexp: "
                + "invalid or unsupported Perl syntax");
        assertThat(new SlocCli().run("test", "--prometheus", "2.42", "--run", "(?=alpha)", f.toString())).isZero();
    }

    @Test
    void unknownFeaturesOnlyWarnLikePromtool(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", THREE_GROUPS);
        assertThat(sloc.run("test", "--run", "alpha", "--enable-feature", "nope,promql-duration-expr",
                "--enable-feature", "promql-experimental-functions", f.toString())).isZero();
        assertThat(sloc.out()).isEqualTo("  WARNING: Unknown feature passed to --enable-feature: nope  SUCCESS\n\n");
    }

    @Test
    void junitReportIsPromtoolsFormat(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", THREE_GROUPS);
        Path xml = dir.resolve("report.xml");
        assertThat(sloc.run("test", "--junit", xml.toString(), f.toString())).isEqualTo(1);
        assertThat(Files.readString(xml)).matches("<testsuites><testsuite name=\"" + f + "\" tests=\"3\" "
                + "failures=\"1\" errors=\"0\" skipped=\"0\" timestamp=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\">"
                + "<testcase name=\"alpha\"></testcase><testcase name=\"beta\">"
                + "<failure>    expr: &#34;vector\\(1\\)&#34;, "
                + "time: 0s,&#xA;        exp: \\{\\} 2E\\+00&#xA;        got: \\{\\} 1E\\+00</failure></testcase>"
                + "<testcase name=\"unnamed#2\"></testcase></testsuite></testsuites>");
    }

    @Test
    void aBrokenFileIsAnErrorCaseInTheJunitReport(@TempDir Path dir) throws Exception {
        Path f = write(dir, "bad.yml", "tests:\n  - foo: 1\n");
        Path xml = dir.resolve("report.xml");
        assertThat(sloc.run("test", "--junit", xml.toString(), f.toString())).isEqualTo(1);
        assertThat(Files.readString(xml)).isEqualTo("<testsuites><testsuite name=\"" + f + "\" tests=\"1\" "
                + "failures=\"0\" errors=\"1\" skipped=\"0\" timestamp=\"\"><testcase name=\"unknown\"><error>yaml: "
                + "unmarshal errors:&#xA;  line 2: field foo not found in type main.testGroup</error></testcase>"
                + "</testsuite></testsuites>");
    }

    @Test
    void alertFailuresWithoutAndWithDiff(@TempDir Path dir) throws Exception {
        write(dir, "rules.yml", RULES);
        Path f = write(dir, "t.yml", ALERTING);
        assertThat(sloc.run("test", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).isEqualTo("""
                  FAILED:
                    name: g,
                    alertname: Down, time: 2m, \n        exp:[
                            0:
                              Labels:{alertname="Down", job="b"}
                              Annotations:{}
                            ], \n        got:[
                            0:
                              Labels:{alertname="Down", job="a"}
                              Annotations:{}
                            ]
                """);
        SlocCli diff = new SlocCli();
        assertThat(diff.run("test", "--diff", f.toString())).isEqualTo(1);
        assertThat(diff.err()).isEqualTo("  FAILED:\n    name: g,\n    alertname: Down, time: 2m, \n"
                + "        diff: [\n"
                + "                {\n"
                + "                    \"Annotations\": {},\n"
                + "                    \"Labels\": {\n"
                + "                        \"alertname\": \"Down\",\n"
                + "                        \"job\": \033[0;33m\"b\" => \"a\"\033[0m\n"
                + "                    }\n"
                + "                }\n"
                + "            ]\n");
    }

    @Test
    void debugPrintsPromtoolsTestDebuggingLines(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", """
                tests:
                  - name: d
                    input_series:
                      - series: 'm{a="1"}'
                        values: 1 2 3
                    promql_expr_test:
                      - expr: m
                        eval_time: 2m
                        exp_samples: [{labels: 'm{a="1"}', value: 3}]
                """);
        assertThat(sloc.run("test", "--debug", f.toString())).isZero();
        assertThat(sloc.err()).startsWith("DEBUG: Starting test d\n"
                        + "DEBUG: Dump of all data (input_series and rules) at 2m1s:\n"
                        // The window (1s, 2m1s] is left-open in 3.x: the sample at 0 is outside.
                        + "{__name__=\"m\", a=\"1\"} =>\n2 @[60000]\n3 @[120000]\n")
                .containsPattern("DEBUG: Test d finished, took [0-9.]+[µm]?s\n$");
    }

    @Test
    void threeXTestFileFieldsAreUnknownToPromtool242(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", "fuzzy_compare: true\ntests:\n  - start_timestamp: 0\n");
        assertThat(sloc.run("test", f.toString())).isZero();
        assertThat(sloc.run("test", "--prometheus", "2.42", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).isEqualTo("  FAILED:\nyaml: unmarshal errors:\n"
                + "  line 1: field fuzzy_compare not found in type main.unitTestFile\n"
                + "  line 3: field start_timestamp not found in type main.testGroup\n");
    }

    @Test
    void badStartTimestampFailsTheFileWithPromtoolsMessage(@TempDir Path dir) throws Exception {
        Path f = write(dir, "t.yml", "tests:\n  - start_timestamp: yesterday\n");
        assertThat(sloc.run("test", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).isEqualTo("  FAILED:\ncannot parse \"yesterday\" to a valid timestamp\n");
    }

    @Test
    void groupLabelsAndQueryOffsetOfPrometheus3RuleFiles(@TempDir Path dir) throws Exception {
        write(dir, "rules.yml", """
                groups:
                  - name: r
                    query_offset: 1m
                    labels: {team: x}
                    rules:
                      - record: copy
                        expr: m
                      - record: copy_own
                        expr: m
                        labels: {team: y}
                """);
        Path f = write(dir, "t.yml", """
                rule_files: [rules.yml]
                tests:
                  - input_series:
                      - series: m
                        values: 1 2 3 4
                    promql_expr_test:
                      - expr: copy
                        eval_time: 3m
                        exp_samples: [{labels: 'copy{team="x"}', value: 3}]
                      - expr: timestamp(copy_own)
                        eval_time: 3m
                        exp_samples: [{labels: '{team="y"}', value: 120}]
                """);
        assertThat(sloc.run("test", f.toString())).as(sloc.err()).isZero();
        assertThat(sloc.run("test", "--prometheus", "2.42", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).contains("field query_offset not found in type rulefmt.RuleGroup");
    }

    @Test
    void utf8LabelNamesAreQuotedInFailures(@TempDir Path dir) throws Exception {
        write(dir, "rules.yml", """
                groups:
                  - name: r
                    rules:
                      - alert: Down
                        expr: up == 0
                        labels: {k8s.pod: a}
                """);
        Path f = write(dir, "t.yml", """
                rule_files: [rules.yml]
                tests:
                  - input_series:
                      - series: up
                        values: 0
                    alert_rule_test:
                      - alertname: Down
                        exp_alerts:
                          - exp_labels: {k8s.pod: b}
                """);
        assertThat(sloc.run("test", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).contains("Labels:{alertname=\"Down\", \"k8s.pod\"=\"b\"}")
                .contains("Labels:{alertname=\"Down\", \"k8s.pod\"=\"a\"}");
    }

    @Test
    void quotedUtf8NamesInInputSeriesAndExpectedLabelsReadAsPrometheus3ReadsThem(@TempDir Path dir) throws Exception {
        Path f = write(dir, "utf8.yml", """
                tests:
                  - input_series:
                      - series: '{"http.requests", "service.name"="api"}'
                        values: 1+1x3
                    promql_expr_test:
                      - expr: '{"http.requests"}'
                        eval_time: 2m
                        exp_samples:
                          - labels: '{__name__="http.requests", "service.name"="api"}'
                            value: 3
                """);
        assertThat(sloc.run("test", f.toString())).isZero();
        assertThat(sloc.run("test", "--prometheus", "2.42", f.toString())).isEqualTo(1);
        assertThat(sloc.err()).contains("parse error");
    }

    @Test
    void nativeHistogramsAreComparedInTheirTestNotation(@TempDir Path dir) throws Exception {
        Path f = write(dir, "h.yml", """
                tests:
                  - input_series:
                      - series: h
                        values: '{{count:2 sum:3 buckets:[2]}}+{{count:1 sum:1 buckets:[1]}}x2'
                    promql_expr_test:
                      - expr: h
                        eval_time: 2m
                        exp_samples:
                          - histogram: '{{count:4 buckets:[4]}}'
                      - expr: h
                        exp_samples:
                          - histogram: '7'
                """);

        assertThat(sloc.run("test", f.toString())).isEqualTo(1);
        assertThat(sloc.err())
                .contains("exp: {} {{count:4 buckets:[4]}}\n"
                        + "        got: {__name__=\"h\"} {{count:4 sum:5 counter_reset_hint:not_reset buckets:[4]}}")
                .contains("expr: \"h\", time: 0s, err: labels \"\": expected histogram, got 7.000000");
    }

    @Test
    void prometheus242KeepsRejectingTheHistogramNotation(@TempDir Path dir) throws Exception {
        Path f = write(dir, "h.yml", """
                tests:
                  - input_series:
                      - series: h
                        values: '{{count:2}}'
                    promql_expr_test:
                      - expr: h
                """);

        assertThat(sloc.run("test", "--prometheus", "2.42", f.toString())).isEqualTo(1);
        assertThat(sloc.out() + sloc.err()).contains("unexpected character in series sequence: '{'");
    }
}
