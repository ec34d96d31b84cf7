package io.sloc.check.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import io.sloc.diag.SourceLocation;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleLintsTest {
    private static RuleFile load(String yaml) {
        return RuleFileLoader.parse(yaml, "rules.yml");
    }

    private static List<Rule> rules(RuleFile file) {
        return file.groups().get(0).rules();
    }

    private static List<Diagnostic> lint(Lint lint, Set<String> known, String... yamls) {
        List<RuleFile> files = new ArrayList<>();
        for (String yaml : yamls) {
            files.add(load(yaml));
        }
        List<Diagnostic> found = new ArrayList<>();
        lint.check(new LintContext(files, List.of(), known), found::add);
        return found;
    }

    @Test
    void locatorFindsRuleKeysAndExpressionColumnsInEveryScalarStyle() {
        RuleFile file = load("""
                groups:
                  - name: g
                    rules:
                      - record: a:b:rate5m
                        expr: sum(rate(x[5m]))
                      - alert: Quoted
                        expr: "up == 0"
                      - alert: Block
                        expr: |
                          sum(x)
                            > bool 1
                """);
        assertThat(rules(file)).extracting(Rule::location).containsExactly(
                new SourceLocation("rules.yml", 4, 9), new SourceLocation("rules.yml", 6, 9),
                new SourceLocation("rules.yml", 8, 9));
        assertThat(rules(file).get(0).exprPositions().at(4)).isEqualTo(new SourceLocation("rules.yml", 5, 19));
        assertThat(rules(file).get(1).exprPositions().at(0)).isEqualTo(new SourceLocation("rules.yml", 7, 16));
        assertThat(rules(file).get(2).exprPositions().at(9)).isEqualTo(new SourceLocation("rules.yml", 11, 13));
    }

    @Test
    void locatorReadsTheFirstDocumentLikeTheLoaderAndFollowsAliases() {
        RuleFile file = load("""
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: up == 0
                        labels: &common {severity: page}
                      - alert: B
                        expr: up == 1
                        labels: *common
                ---
                not: [a, rule, file
                """);
        assertThat(rules(file)).extracting(r -> r.location().line()).containsExactly(4, 7);
        assertThat(rules(file).get(1).labels()).containsEntry("severity", "page");
    }

    @Test
    void duplicateRulesAreErrorsAtTheRepetition() {
        List<Diagnostic> found = lint(new DuplicateRuleLint(), Set.of(), """
                groups:
                  - name: one
                    rules:
                      - record: job:x:sum
                        expr: sum(x)
                      - record: job:x:sum
                        expr: sum(x)
                        labels: {env: prod}
                  - name: two
                    rules:
                      - record: job:x:sum
                        expr: sum(x) * 1
                """);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(found.get(0).location()).isEqualTo(new SourceLocation("rules.yml", 11, 9));
        assertThat(found.get(0).message()).contains("job:x:sum").contains("line 4").contains("group \"one\"");
    }

    @Test
    void alertsWithoutRunbookUrlAreWarnings() {
        List<Diagnostic> found = lint(new RunbookUrlLint(), Set.of(), """
                groups:
                  - name: g
                    rules:
                      - alert: Documented
                        expr: up == 0
                        annotations: {runbook_url: "https://runbooks/up"}
                      - alert: Undocumented
                        expr: up == 0
                        annotations: {summary: down}
                      - record: not_an_alert
                        expr: up
                """);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.location()).isEqualTo(new SourceLocation("rules.yml", 7, 9));
            assertThat(d.message()).contains("Undocumented");
        });
    }

    private static final String USES_RECORDED = """
            groups:
              - name: g
                rules:
                  - record: job:requests:rate5m
                    expr: sum by (job) (rate(requests_total[5m]))
                  - alert: TooFew
                    expr: job:requests:rate5m < 1 or job:request:rate5m < 1 or ALERTS{alertstate="firing"}
            """;

    @Test
    void aSelectorOnAnUnrecordedColonNameCanNeverReturnData() {
        List<Diagnostic> found = lint(new UnrecordedMetricLint(), Set.of(), USES_RECORDED);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.location()).isEqualTo(new SourceLocation("rules.yml", 7, 42));
            assertThat(d.message()).contains("job:request:rate5m").contains("never return data");
        });
    }

    @Test
    void rawMetricNamesAreJudgedOnlyAgainstKnownInputs() {
        assertThat(lint(new UnrecordedMetricLint(), Set.of("requests_total"), USES_RECORDED))
                .extracting(Diagnostic::message).allMatch(m -> m.contains("job:request:rate5m"));
        List<Diagnostic> found = lint(new UnrecordedMetricLint(), Set.of("up"), USES_RECORDED);
        assertThat(found).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("selects requests_total") && m.contains("no spec reads"));
    }

    @Test
    void recordingRulesInOtherCheckedFilesCount() {
        String recorder = """
                groups:
                  - name: base
                    rules:
                      - record: job:request:rate5m
                        expr: sum by (job) (rate(requests_total[5m]))
                """;
        assertThat(lint(new UnrecordedMetricLint(), Set.of(), USES_RECORDED, recorder)).isEmpty();
    }
}
