package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.golang.yaml.GoYaml;
import io.sloc.promql.PromqlProfile;
import org.junit.jupiter.api.Test;

class TestFileParserTest {
    @Test
    void readsEveryField() {
        UnitTestFile f = TestFileParser.parse("""
                rule_files: [a.yml, 'b/*.yml']
                evaluation_interval: 30s
                group_eval_order: [x, y]
                tests:
                  - interval: 1m
                    name: n
                    external_labels: {env: prod}
                    external_url: http://x
                    input_series:
                      - series: 'up{job="a"}'
                        values: 1 2
                    alert_rule_test:
                      - eval_time: 5m
                        alertname: A
                        exp_alerts:
                          - exp_labels: {a: 1}
                            exp_annotations: {s: t}
                    promql_expr_test:
                      - expr: up
                        eval_time: 1h
                        exp_samples:
                          - labels: 'up{job="a"}'
                            value: ~
                          - value: .inf
                """);
        assertThat(f.ruleFiles()).containsExactly("a.yml", "b/*.yml");
        assertThat(f.evaluationIntervalMs()).isEqualTo(30_000);
        TestGroup g = f.tests().get(0);
        assertThat(g.name()).isEqualTo("n");
        assertThat(g.externalLabels()).containsEntry("env", "prod");
        assertThat(g.inputSeries().get(0).values()).isEqualTo("1 2");
        assertThat(g.alertRuleTests().get(0).expAlerts().get(0).expLabels()).containsEntry("a", "1");
        assertThat(g.promqlExprTests().get(0).expSamples()).extracting(ExpectedSample::value)
                .containsExactly(0.0, Double.POSITIVE_INFINITY);
        assertThat(g.maxEvalTimeMs()).isEqualTo(3_600_000);
    }

    @Test
    void collectsUnknownFieldsAndTypeErrorsInDocumentOrder() {
        assertThatThrownBy(() -> TestFileParser.parse("""
                zzz: 1
                tests:
                  - interval: 1m
                    name: [1]
                    foo: 1
                    promql_expr_test:
                      - exp_samples:
                          - value: abcdefghijklmn
                          - value: true
                """)).isInstanceOf(GoYaml.YamlError.class).hasMessage("""
                yaml: unmarshal errors:
                  line 1: field zzz not found in type main.unitTestFile
                  line 4: cannot unmarshal !!seq into string
                  line 5: field foo not found in type main.testGroup
                  line 8: cannot unmarshal !!str `abcdefg...` into float64
                  line 9: cannot unmarshal !!bool `true` into float64""");
    }

    @Test
    void aRepeatedFieldIsAnError() {
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - interval: 1m\n    interval: 2m\n"))
                .hasMessage("yaml: unmarshal errors:\n  line 3: field interval already set in type main.testGroup");
    }

    @Test
    void syntaxErrorsUseLibyamlWording() {
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - interval: 1m\n    name: a: b\n"))
                .hasMessage("yaml: line 3: mapping values are not allowed in this context");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n\t- interval: 1m\n"))
                .hasMessage("yaml: line 2: found character that cannot start any token");
    }

    /** A tab after a plain scalar's line break is read as part of that scalar's trailing whitespace. */
    @Test
    void aTabIndentingTheLineAfterAPlainScalarViolatesIndentation() {
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - interval: 1m\n\tname: x\n"))
                .hasMessage("yaml: line 3: found a tab character that violates indentation");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - interval: 1m\n\n  \tname: x\n"))
                .hasMessage("yaml: line 4: found a tab character that violates indentation");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  \t- interval: 1m\n"))
                .hasMessage("yaml: line 2: found character that cannot start any token");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - interval: 1m # c\n\tname: x\n"))
                .hasMessage("yaml: line 3: found character that cannot start any token");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - interval: '1m'\n\tname: x\n"))
                .hasMessage("yaml: line 3: found character that cannot start any token");
    }

    /** libyaml skips tabs between the tokens of a flow collection, as in JSON indented with tabs. */
    @Test
    void tabsInsideFlowCollectionsAreWhitespace() {
        UnitTestFile f = TestFileParser.parse(
                "{\n\t\"rule_files\": [\"a.yml\"],\n\t\"tests\": [\n\t\t{\"name\": \"x[1\"}\n\t]\n}\n");
        assertThat(f.ruleFiles()).containsExactly("a.yml");
        assertThat(f.tests().get(0).name()).isEqualTo("x[1");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - name: x[1\n\tinterval: 1m\n"))
                .hasMessage("yaml: line 3: found a tab character that violates indentation");
    }

    /** libyaml checks each escape on its own, so even a surrogate pair is refused; SnakeYAML reads both. */
    @Test
    void surrogateEscapesAreInvalidUnicodeEscapeCodes() {
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - name: \"\\ud83d\\ude00\"\n"))
                .hasMessage("yaml: line 2: found invalid Unicode character escape code");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - name: \"a\n      \\U00110000\"\n"))
                .hasMessage("yaml: line 3: found invalid Unicode character escape code");
        assertThat(TestFileParser.parse("tests:\n  - name: a \"\\ud800\" # \"\\ud800\"\n").tests().get(0).name())
                .isEqualTo("a \"\\ud800\"");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - name: \"\\xzz\"\n"))
                .hasMessage("yaml: line 2: did not find expected hexdecimal number");
    }

    @Test
    void aTabIndentingABlockScalarLineIsWhereAnIndentationSpaceIsExpected() {
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - name: |\n      a\n\tinterval: 1m\n"))
                .hasMessage("yaml: line 4: found a tab character where an indentation space is expected");
    }

    /** go-yaml resolves plain scalars its own way: 1e400 overflows to a string, 1:30 is no base-60 int. */
    @Test
    void numbersResolveLikeGoYaml() {
        assertThat(sampleValues("[1e5_0, 0o17, 0.1e1_0, 08]")).containsExactly(1e50, 15.0, 1e9, 8.0);
        assertThatThrownBy(() -> sampleValues("[1e400, 1:30, 2.5e+308]")).hasMessage("""
                yaml: unmarshal errors:
                  line 1: cannot unmarshal !!str `1e400` into float64
                  line 1: cannot unmarshal !!str `1:30` into float64
                  line 1: cannot unmarshal !!str `2.5e+308` into float64""");
    }

    private static java.util.List<Double> sampleValues(String flowList) {
        String samples = flowList.substring(1, flowList.length() - 1).replaceAll("([^, ]+)", "{value: $1}");
        return TestFileParser.parse("tests: [{promql_expr_test: [{exp_samples: [" + samples + "]}]}]\n")
                .tests().get(0).promqlExprTests().get(0).expSamples().stream().map(ExpectedSample::value).toList();
    }

    /** 15 aliased groups tip go-yaml's ratio over 99% (promtool 2.42: corpus yaml-alias-limit); 14 do not. */
    @Test
    void boundsAliasExpansionAsGoYamlDoes() {
        assertThat(TestFileParser.parse(aliasedGroups(14)).tests()).hasSize(15);
        assertThatThrownBy(() -> TestFileParser.parse(aliasedGroups(15)))
                .isInstanceOf(GoYaml.YamlError.class).hasMessage("yaml: document contains excessive aliasing");
    }

    private static String aliasedGroups(int aliases) {
        String expected = String.join(", ", java.util.Collections.nCopies(10, "{exp_labels: {a: b}}"));
        return "tests:\n  - &g\n    interval: 1m\n    alert_rule_test:\n"
                + "      - &t {eval_time: 1m, alertname: A, exp_alerts: &e [" + expected + "]}\n"
                + "      - {eval_time: 1m, alertname: A, exp_alerts: *e}\n"
                + "      - *t\n".repeat(9) + "  - *g\n".repeat(aliases);
    }

    @Test
    void mergeKeysDecodeWhereTheyStand() {
        UnitTestFile f = TestFileParser.parse("""
                tests:
                  - &first {name: a, interval: 1m}
                  - {name: b, <<: *first}
                  - {<<: *first, name: c}
                  - {<<: [{name: d}, *first]}
                """);
        assertThat(f.tests()).extracting(TestGroup::name).containsExactly("a", "a", "c", "d");
    }

    @Test
    void anEmptyFileHasNoTests() {
        assertThat(TestFileParser.parse("").tests()).isEmpty();
    }

    @Test
    void readsPrometheus3Fields() {
        UnitTestFile f = TestFileParser.parse("""
                fuzzy_compare: yes
                tests:
                  - start_timestamp: "2024-01-01T00:00:00Z"
                  - start_timestamp: 1609459200.5
                    promql_expr_test:
                      - expr: x
                        exp_samples:
                          - histogram: "{{count:1}}"
                """, PromqlProfile.V3_14);
        assertThat(f.fuzzyCompare()).isTrue();
        assertThat(f.tests()).extracting(TestGroup::startTimestampMs).containsExactly(1_704_067_200_000L,
                1_609_459_200_500L);
        assertThat(f.tests().get(1).promqlExprTests().get(0).expSamples().get(0).histogram()).isEqualTo("{{count:1}}");
    }

    @Test
    void prometheus3FieldErrors() {
        assertThatThrownBy(() -> TestFileParser.parse("fuzzy_compare: maybe\n", PromqlProfile.V3_14))
                .hasMessage("yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `maybe` into bool");
        assertThatThrownBy(() -> TestFileParser.parse("tests:\n  - start_timestamp: [1]\n", PromqlProfile.V3_14))
                .hasMessage("yaml: unmarshal errors:\n  line 2: cannot unmarshal !!seq into string");
    }
}
