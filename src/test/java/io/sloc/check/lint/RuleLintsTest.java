package io.sloc.check.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.Severity;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.SloSpecParser;
import io.sloc.model.Spec;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.promql.PromqlProfile;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleLintsTest {
    private static RuleFile load(String yaml) {
        return RuleFileLoader.parse(yaml, "rules.yml");
    }

    private static List<Rule> rules(RuleFile file) {
        return file.groups().get(0).rules();
    }

    private static List<Diagnostic> lint(Lint lint, String... yamls) {
        return lint(lint, List.of(), KnownMetrics.NONE, yamls);
    }

    private static List<Diagnostic> lint(Lint lint, List<Spec> specs, KnownMetrics known, String... yamls) {
        return lint(new LintContext(files(yamls), specs, known, LintContext.RUNBOOK_URL), lint);
    }

    private static List<Diagnostic> lint(LintContext context, Lint lint) {
        List<Diagnostic> found = new ArrayList<>();
        lint.check(context, found::add);
        return found;
    }

    private static List<RuleFile> files(String... yamls) {
        List<RuleFile> files = new ArrayList<>();
        for (String yaml : yamls) {
            files.add(load(yaml));
        }
        return files;
    }

    private static KnownMetrics known(String... globs) {
        return new KnownMetrics(List.of(globs), Optional.empty());
    }

    private static KnownMetrics scraped(String... names) {
        return new KnownMetrics(List.of(), Optional.of(new Scrape("scrape.prom", Set.of(names), List.of())));
    }

    /** An sloc project's spec: it reads orders_total and orders_failed_total. */
    private static Spec shopSpec() {
        String text = "service shop {\n  slo orders {\n    objective 99.9%\n"
                + "    sli ratio { errors `orders_failed_total` total `orders_total` }\n  }\n}\n";
        return CompileSpecs.inMemory(List.of(SloSpecParser.parse(text, "shop.slo")), CompileOptions.DEFAULTS,
                PrometheusTarget.DEFAULT).spec();
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
    void duplicatesArePromtoolsWarningWithItsTextAtTheFirstRepetition() {
        List<Diagnostic> found = lint(new DuplicateRuleLint(), """
                groups:
                  - name: one
                    rules:
                      - alert: Down
                        expr: up{job="a"} == 0
                        labels: {severity: page, team: x}
                      - record: job:x:sum
                        expr: sum(x)
                      - record: job:x:sum
                        expr: sum(x)
                        labels: {env: prod}
                  - name: two
                    rules:
                      - alert: Down
                        expr: up{job="b"} == 0
                        labels: {team: x, severity: page}
                      - record: job:x:sum
                        expr: sum(x) * 1
                      - record: job:x:sum
                        expr: sum(y)
                """);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.location()).as("Down sorts first; its repetition is line 14")
                    .isEqualTo(new SourceLocation("rules.yml", 14, 9));
            assertThat(d.message()).isEqualTo("""
                    2 duplicate rule(s) found.
                    Metric: Down
                    Label(s):
                    \tseverity: page
                    \tteam: x
                    Metric: job:x:sum
                    Label(s):
                    Might cause inconsistency while recording expressions""");
        });
    }

    @Test
    void rulesDifferingInNameOrLabelsOrInAnotherFileAreNoDuplicates() {
        String first = """
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                        labels: {severity: page}
                      - alert: Down
                        expr: up == 0
                        labels: {severity: ticket}
                      - alert: Down
                        expr: up == 0
                        labels: {severity: ""}
                      - alert: Down
                        expr: up == 0
                      - record: Down2
                        expr: up
                """;
        String second = """
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                        labels: {severity: page}
                """;
        assertThat(lint(new DuplicateRuleLint(), first, second)).isEmpty();
    }

    @Test
    void aRecordAndAnAlertOfOneNameAndLabelsAreDuplicatesAsPromtoolCountsThem() {
        assertThat(lint(new DuplicateRuleLint(), """
                groups:
                  - name: g
                    rules:
                      - record: Same
                        expr: up
                      - alert: Same
                        expr: up == 0
                """)).singleElement().satisfies(d -> assertThat(d.message()).contains("Metric: Same"));
    }

    @Test
    void prometheus3MergesGroupLabelsBeforeComparing() {
        RuleFile file = RuleFileLoader.parse("""
                groups:
                  - name: a
                    labels: {team: x}
                    rules:
                      - alert: Down
                        expr: up == 0
                  - name: b
                    rules:
                      - alert: Down
                        expr: up == 0
                        labels: {team: x}
                """, "rules.yml", PromqlProfile.V3_14, false);
        List<Diagnostic> found = lint(new LintContext(List.of(file), List.of(), KnownMetrics.NONE,
                LintContext.RUNBOOK_URL), new DuplicateRuleLint());
        assertThat(found).singleElement().satisfies(d -> assertThat(d.message()).contains("\tteam: x"));
    }

    private static final String ALERTS = """
            groups:
              - name: g
                rules:
                  - alert: Documented
                    expr: up == 0
                    annotations: {runbook_url: "https://runbooks/up"}
                  - alert: OwnName
                    expr: up == 0
                    annotations: {summary: down, playbook: "https://wiki/up"}
                  - record: not_an_alert
                    expr: up
            """;

    @Test
    void alertsWithoutTheRunbookAnnotationAreWarnings() {
        assertThat(lint(new RunbookUrlLint(), ALERTS)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.location()).isEqualTo(new SourceLocation("rules.yml", 7, 9));
            assertThat(d.message()).isEqualTo("alert OwnName has no runbook_url annotation: link the steps to follow");
        });
    }

    @Test
    void theRunbookAnnotationNameIsTheTeamsChoice() {
        List<Diagnostic> found = lint(new LintContext(files(ALERTS), List.of(), KnownMetrics.NONE, "playbook"),
                new RunbookUrlLint());
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(4);
            assertThat(d.message()).startsWith("alert Documented has no playbook annotation");
        });
    }

    private static final String USES_RECORDED = """
            groups:
              - name: g
                rules:
                  - record: job:requests:rate5m
                    expr: sum by (job) (rate(requests_total[5m]))
                  - alert: TooFew
                    expr: job:requests:rate5m < 1 or job:request:rate5m < 1 or ALERTS{alertstate="firing"} or up == 0
            """;

    @Test
    void anUnrecordedColonNameIsAWarningForItMayBeRecordedElsewhere() {
        List<Diagnostic> found = lint(new UnrecordedMetricLint(), USES_RECORDED);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.location()).isEqualTo(new SourceLocation("rules.yml", 7, 42));
            assertThat(d.message()).contains("selects job:request:rate5m")
                    .contains("no recording rule in the checked files records").contains("known_metrics");
        });
    }

    @Test
    void knownMetricGlobsSilenceUnrecordedNames() {
        assertThat(lint(new UnrecordedMetricLint(), List.of(), known("job:request:rate5m"), USES_RECORDED)).isEmpty();
        assertThat(lint(new UnrecordedMetricLint(), List.of(), known("job:*:rate?m"), USES_RECORDED)).isEmpty();
        assertThat(lint(new UnrecordedMetricLint(), List.of(), known("job:request:rate5"), USES_RECORDED))
                .as("a glob matches the whole name").hasSize(1);
        assertThat(lint(new UnrecordedMetricLint(), List.of(), known("job:.*"), USES_RECORDED))
                .as("a dot is a dot, not a regex wildcard").hasSize(1);
    }

    @Test
    void aScrapeMakesPlainNamesJudgedAndSilencesWhatItLists() {
        List<Diagnostic> found = lint(new UnrecordedMetricLint(), List.of(), scraped("job:request:rate5m"),
                USES_RECORDED);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("selects requests_total").contains("no metrics scrape lists");
        });
        assertThat(lint(new UnrecordedMetricLint(), List.of(), scraped("job:request:rate5m", "requests_total"),
                USES_RECORDED)).as("up and ALERTS are Prometheus's own").isEmpty();
    }

    @Test
    void inAnSlocProjectOnlySlocsOwnNamespaceIsAnError() {
        String reads = """
                groups:
                  - name: extra
                    rules:
                      - alert: Burning
                        expr: slo:sli_error:ratio_rate5m{service="shop"} > 0.1 or sloc_slo_info == 0
                      - alert: Burning2
                        expr: slo:sli_eror:ratio_rate5m > 0.1 or team:orders:rate5m < 1 or orders_total < 1
                      - alert: Scraped
                        expr: node_load1 > 4
                """;
        String recorder = """
                groups:
                  - name: sloc
                    rules:
                      - record: slo:sli_error:ratio_rate5m
                        expr: vector(0)
                      - record: sloc_slo_info
                        expr: vector(1)
                """;
        List<Diagnostic> found = lint(new UnrecordedMetricLint(), List.of(shopSpec()), KnownMetrics.NONE,
                reads, recorder);
        assertThat(found).extracting(d -> d.severity() + " " + d.message().replaceAll(", which.*", ""))
                .containsExactly("ERROR rule Burning2 selects slo:sli_eror:ratio_rate5m",
                        "WARNING rule Burning2 selects team:orders:rate5m",
                        "WARNING rule Scraped selects node_load1");
        assertThat(found.get(0).message()).contains("only the specs produce slo: and sloc_ series");
        assertThat(found.get(2).message()).contains("no spec reads as an input");
        assertThat(lint(new UnrecordedMetricLint(), List.of(), KnownMetrics.NONE, reads, recorder))
                .as("without specs, slo: names may come from another generator (Sloth, Pyrra): warnings")
                .extracting(Diagnostic::severity).containsExactly(Severity.WARNING, Severity.WARNING);
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
        assertThat(lint(new UnrecordedMetricLint(), USES_RECORDED, recorder)).isEmpty();
    }
}
