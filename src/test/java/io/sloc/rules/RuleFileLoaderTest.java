package io.sloc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.PromqlProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleFileLoaderTest {
    private static List<String> errorsOf(String yaml) {
        try {
            RuleFileLoader.parse(yaml, "r.yml");
        } catch (RuleFileException e) {
            return e.errors();
        }
        throw new AssertionError("expected errors");
    }

    @Test
    void loadsGroupsAndRulesInFileOrder() {
        RuleFile file = RuleFileLoader.parse("""
                groups:
                  - name: g
                    interval: 30s
                    limit: 5
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                        labels: {team: a}
                      - alert: Down
                        expr: up == 0
                        for: 5m
                        keep_firing_for: 1m
                        labels: {severity: page}
                        annotations: {summary: "{{ $labels.job }} down"}
                """, "r.yml");
        RuleGroup g = file.groups().get(0);
        assertThat(g.name()).isEqualTo("g");
        assertThat(g.intervalMs()).isEqualTo(30_000);
        assertThat(g.limit()).isEqualTo(5);
        assertThat(g.rules()).hasSize(2);
        assertThat(g.rules().get(0)).isInstanceOf(RecordingRule.class);
        AlertingRule alert = (AlertingRule) g.rules().get(1);
        assertThat(alert.forMs()).isEqualTo(300_000);
        assertThat(alert.keepFiringForMs()).isEqualTo(60_000);
        assertThat(alert.annotations()).containsEntry("summary", "{{ $labels.job }} down");
    }

    @Test
    void unknownFieldsAreReportedWithGoTypeNames() {
        assertThat(errorsOf("""
                groups:
                  - name: g
                    limits: 3
                    rules:
                      - record: a
                        expr: 1
                        label: {a: b}
                """)).containsExactly("r.yml: yaml: unmarshal errors:\n"
                + "  line 3: field limits not found in type rulefmt.RuleGroup\n"
                + "  line 7: field label not found in type rulefmt.RuleNode");
    }

    @Test
    void semanticErrorsAreLocatedLikeRulefmt() {
        assertThat(errorsOf("""
                groups:
                  - name: g
                    rules:
                      - record: x
                        alert: y
                        expr: 1
                      - expr: 1
                      - record: "bad name"
                        expr: ""
                  - name: g
                    rules: []
                """)).containsExactly(
                "r.yml: 4:17: 5:16: group \"g\", rule 1, \"y\": only one of 'record' and 'alert' must be set",
                "r.yml: 0:0: group \"g\", rule 2, \"\": one of 'record' or 'alert' must be set",
                "r.yml: 9:15: group \"g\", rule 3, \"bad name\": field 'expr' must be set in rule",
                "r.yml: 8:17: group \"g\", rule 3, \"bad name\": invalid recording rule name: bad name",
                "r.yml: 10:5: groupname: \"g\" is repeated in the same file");
    }

    @Test
    void badPromqlIsReportedWithTheParserMessage() {
        assertThat(errorsOf("""
                groups:
                  - name: bad-syntax
                    rules:
                      - record: x
                        expr: 'test +'
                """)).containsExactly("r.yml: 5:15: group \"bad-syntax\", rule 1, \"x\": could not parse "
                + "expression: 1:7: parse error: unexpected end of input");
    }

    @Test
    void aBadDurationAbortsWithItsOwnMessage() {
        assertThat(errorsOf("groups:\n  - name: g\n    interval: 1 minute\n"))
                .containsExactly("r.yml: not a valid duration string: \"1 minute\"");
    }

    @Test
    void yamlSyntaxErrorsReadLikeGoYamlV3AndComeTwiceLikeRulefmtsTwoDecodings() {
        assertThat(errorsOf("groups:\n  - name: g\n    rules:\n      - record: a\n       expr: 1\n"))
                .containsExactly("r.yml: yaml: line 3: did not find expected '-' indicator",
                        "r.yml: yaml: line 3: did not find expected '-' indicator");
    }

    /** yaml.v3 locates a scanner error at its context: the scalar the tab interrupts, not the tab. */
    @Test
    void aTabIndentingALineIsLocatedAtTheScalarItInterrupts() {
        assertThat(errorsOf("groups:\n  - name: g\n    rules:\n      - record: a\n        expr: m\n"
                + "          + 1\n\tlabels: {}\n")).containsOnly(
                "r.yml: yaml: line 5: found a tab character that violates indentation");
        assertThat(errorsOf("groups:\n  - name: g\n    rules:\n      - record: a\n        expr: |\n"
                + "          m\n\tlabels: {}\n")).containsOnly(
                "r.yml: yaml: line 5: found a tab character where an indentation space is expected");
    }

    @Test
    void aSurrogateEscapeIsLocatedAtItsScalarInRuleFiles() {
        assertThat(errorsOf("groups:\n  - name: \"a\n      \\ud800\"\n")).containsOnly(
                "r.yml: yaml: line 2: found invalid Unicode character escape code");
    }

    @Test
    void groupsThatAreNotAListFailBothDecodings() {
        assertThat(errorsOf("groups: 5\n")).containsExactly(
                "r.yml: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!int `5` into []rulefmt.RuleGroup",
                "r.yml: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!int `5` into []yaml.Node");
    }

    @Test
    void aMissingFileIsOneError() {
        assertThatThrownBy(() -> RuleFileLoader.load(java.nio.file.Path.of("/nonexistent/x.yml"), "x.yml"))
                .isInstanceOf(RuleFileException.class)
                .hasMessage("x.yml: open x.yml: no such file or directory");
    }

    private static List<String> errorsOf3(String yaml, boolean ignoreUnknownFields) {
        try {
            RuleFileLoader.parse(yaml, "r.yml", PromqlProfile.V3_14, ignoreUnknownFields);
        } catch (RuleFileException e) {
            return e.errors();
        }
        throw new AssertionError("expected errors");
    }

    @Test
    void prometheus3GroupLabelsAndQueryOffset() {
        String yaml = """
                groups:
                  - name: g
                    query_offset: 30s
                    labels: {team: a, tier: x}
                    rules:
                      - record: r
                        expr: up
                        labels: {tier: y}
                """;
        RuleGroup g = RuleFileLoader.parse(yaml, "r.yml", PromqlProfile.V3_14, false).groups().get(0);
        assertThat(g.queryOffsetMs()).isEqualTo(30_000);
        assertThat(g.rules().get(0).labels()).containsExactly(Map.entry("team", "a"), Map.entry("tier", "y"));
        assertThat(errorsOf(yaml)).containsExactly("r.yml: yaml: unmarshal errors:\n"
                + "  line 3: field query_offset not found in type rulefmt.RuleGroup\n"
                + "  line 4: field labels not found in type rulefmt.RuleGroup");
    }

    @Test
    void prometheus3UnknownFieldsAreIgnoredOnlyWhenAsked() {
        String yaml = """
                groups:
                  - name: g
                    owner: me
                    rules:
                      - record: r
                        expr: up
                        team: x
                """;
        assertThat(errorsOf3(yaml, false)).containsExactly("r.yml: yaml: unmarshal errors:\n"
                + "  line 3: field owner not found in type rulefmt.RuleGroup\n"
                + "  line 7: field team not found in type rulefmt.Rule");
        assertThat(RuleFileLoader.parse(yaml, "r.yml", PromqlProfile.V3_14, true).groups()).hasSize(1);
    }

    @Test
    void prometheus3NamesAreUtf8ButRecordNamesHaveNoBraces() {
        assertThat(RuleFileLoader.parse("""
                groups:
                  - name: g
                    rules:
                      - record: service.latency:p99
                        expr: up
                        labels: {"k8s.pod": x}
                """, "r.yml", PromqlProfile.V3_14, false).groups().get(0).rules()).hasSize(1);
        assertThat(errorsOf3("""
                groups:
                  - name: g
                    labels: {__name__: x}
                    rules:
                      - record: 'up{job="a"}'
                        expr: up
                """, false)).containsExactly("r.yml: invalid label name: __name__",
                "r.yml: 5:17: group \"g\", rule 1, \"up{job=\\\"a\\\"}\": braces present in the recording rule "
                        + "name; should it be in expr?: up{job=\"a\"}");
    }

    @Test
    void aTypeErrorQuotingALineBreakIsReportedLikeAnyOther() {
        String error = "r.yml: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `4\n-.xyz...` into ";
        assertThat(errorsOf("groups: \"4\\n-.xyzabcd\"\n"))
                .containsExactly(error + "[]rulefmt.RuleGroup", error + "[]yaml.Node");
    }

    @Test
    void prometheus3MissingRecordAndAlertGivesBothPositions() {
        assertThat(errorsOf3("groups:\n  - name: g\n    rules:\n      - expr: up\n", false)).containsExactly(
                "r.yml: 0:0: 0:0: group \"g\", rule 1, \"\": one of 'record' or 'alert' must be set");
    }

    @Test
    void prometheus3RepeatsTypeErrorsFromItsSecondTypedDecoding() {
        String yaml = "groups:\n  - name: g\n    limit: abc\n    rules: []\n";
        String typeError = "r.yml: yaml: unmarshal errors:\n  line 3: cannot unmarshal !!str `abc` into int";
        assertThat(errorsOf(yaml)).containsExactly(typeError);
        assertThat(errorsOf3(yaml, false)).containsExactly(typeError, typeError);
        assertThat(errorsOf3("groups:\n  - name: g\n    rules:\n      - record: {a: b}\n        expr: up\n", false))
                .containsExactly("r.yml: yaml: unmarshal errors:\n  line 4: cannot unmarshal !!map into string");
    }
}
