package io.sloc.check.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sloc.check.CheckReport;
import io.sloc.check.CheckedFile;
import io.sloc.check.Stage;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportersTest {
    private static final Diagnostic BROKEN_PROMQL = Diagnostic.error("rule-file",
            new SourceLocation("generated/hatago.yml", 7, 15), "could not parse expression: 1:7: unexpected end");
    private static final Diagnostic NO_RUNBOOK = Diagnostic.warning("runbook-url",
            new SourceLocation("generated/hatago.yml", 3, 9), "alert X has no runbook_url");
    private static final Diagnostic DRIFT = Diagnostic.error("drift",
            new SourceLocation("generated/a,b.yml", 2, 1), "100% differs:\n- old\n+ new");

    private static final CheckReport REPORT = new CheckReport(List.of(
            new CheckedFile(Stage.LINT, "generated/hatago.yml", List.of(BROKEN_PROMQL, NO_RUNBOOK)),
            new CheckedFile(Stage.LINT, "generated/ok.yml", List.of()),
            new CheckedFile(Stage.DRIFT, "generated/a,b.yml", List.of(DRIFT))), false);

    private static String render(Reporter reporter, CheckReport report) {
        StringWriter out = new StringWriter();
        reporter.write(report, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void textShowsLocatedLinesInFileOrderAndASummary() {
        String text = render(ReportFormat.TEXT.reporter(false), REPORT);
        assertThat(text.lines().toList()).containsExactly(
                "generated/a,b.yml:2:1: error: 100% differs: [drift]",
                "    - old",
                "    + new",
                "generated/hatago.yml:3:9: warning: alert X has no runbook_url [runbook-url]",
                "generated/hatago.yml:7:15: error: could not parse expression: 1:7: unexpected end [rule-file]",
                "sloc check: FAILED: 2 errors (drift: 1, rule-file: 1), 1 warning (runbook-url: 1); "
                        + "checked 1 generated file, 2 rule files");
        assertThat(text).doesNotContain("\u001b[");
    }

    @Test
    void textIsColouredOnlyWhenAsked() {
        assertThat(render(ReportFormat.TEXT.reporter(true), REPORT)).contains("\u001b[1;31merror\u001b[0m");
        assertThat(render(ReportFormat.TEXT.reporter(true), new CheckReport(List.of(), false)))
                .contains("\u001b[1;32mOK\u001b[0m").contains("nothing to check");
    }

    @Test
    void theSummarySaysWhenWarningsFailAStrictCheck() {
        List<CheckedFile> warned = List.of(new CheckedFile(Stage.LINT, "generated/hatago.yml", List.of(NO_RUNBOOK)),
                new CheckedFile(Stage.TEST, "t.yml", List.of()));
        assertThat(Summary.line(new CheckReport(warned, false))).isEqualTo(
                "sloc check: OK: 0 errors, 1 warning (runbook-url: 1); checked 1 rule file, 1 rule-test file");
        assertThat(Summary.line(new CheckReport(warned, true))).isEqualTo("sloc check: FAILED: 0 errors, 1 warning "
                + "(runbook-url: 1), which fail the check in strict mode; checked 1 rule file, 1 rule-test file");
        assertThat(Summary.line(new CheckReport(List.of(), true))).isEqualTo(
                "sloc check: OK: 0 errors, 0 warnings; nothing to check");
    }

    @Test
    void colourNeedsATerminalAndNoNonEmptyNoColor() {
        assertThat(ReportFormat.colourWanted(true, Map.of())).isTrue();
        assertThat(ReportFormat.colourWanted(false, Map.of())).isFalse();
        assertThat(ReportFormat.colourWanted(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(ReportFormat.colourWanted(true, Map.of("NO_COLOR", ""))).isTrue();
    }

    @Test
    void githubWritesEscapedWorkflowCommands() {
        List<String> lines = render(ReportFormat.GITHUB.reporter(true), REPORT).lines().toList();
        assertThat(lines).containsExactly(
                "::error file=generated/a%2Cb.yml,line=2,col=1,title=sloc check (drift)::100%25 differs:%0A- old%0A+ new",
                "::warning file=generated/hatago.yml,line=3,col=9,title=sloc check (runbook-url)::"
                        + "alert X has no runbook_url",
                "::error file=generated/hatago.yml,line=7,col=15,title=sloc check (rule-file)::"
                        + "could not parse expression: 1:7: unexpected end",
                "sloc check: FAILED: 2 errors (drift: 1, rule-file: 1), 1 warning (runbook-url: 1); "
                        + "checked 1 generated file, 2 rule files");
    }

    @Test
    void githubNamesFilesRelativeToTheWorkspace() {
        String inside = Path.of("generated/x.yml").toAbsolutePath().toString();
        CheckReport report = new CheckReport(List.of(new CheckedFile(Stage.LINT, inside,
                List.of(Diagnostic.error("rule-file", new SourceLocation(inside, 2, 3), "bad")))), false);
        assertThat(render(ReportFormat.GITHUB.reporter(false), report))
                .startsWith("::error file=generated/x.yml,line=2,col=3,");
    }

    @Test
    void githubLeavesOutUnknownPositions() {
        CheckReport report = new CheckReport(List.of(new CheckedFile(Stage.TEST, "t.yml",
                List.of(Diagnostic.error("rule-test", new SourceLocation("t.yml", 0, 0), "failed")))), false);
        assertThat(render(ReportFormat.GITHUB.reporter(false), report))
                .startsWith("::error file=t.yml,title=sloc check (rule-test)::failed\n");
    }

    @Test
    void jsonHasVerdictCountsCheckedFilesAndLocatedDiagnostics() throws Exception {
        JsonNode json = new ObjectMapper().readTree(render(ReportFormat.JSON.reporter(true), REPORT));
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("strict").asBoolean()).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(2);
        assertThat(json.get("warnings").asInt()).isEqualTo(1);
        assertThat(json.get("checked")).hasSize(3);
        assertThat(json.get("checked").get(0).get("stage").asText()).isEqualTo("drift");
        JsonNode last = json.get("diagnostics").get(2);
        assertThat(last.get("file").asText()).isEqualTo("generated/hatago.yml");
        assertThat(last.get("line").asInt()).isEqualTo(7);
        assertThat(last.get("column").asInt()).isEqualTo(15);
        assertThat(last.get("severity").asText()).isEqualTo("error");
        assertThat(last.get("check").asText()).isEqualTo("rule-file");
        assertThat(last.get("message").asText()).startsWith("could not parse expression");
    }

    @Test
    void junitHasASuitePerStageAndAFailurePerFailingFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/check.xml");
        CheckJUnitReport.write(REPORT, file);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        List<Element> suites = elements(xml, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name"))
                .containsExactly("sloc check: drift", "sloc check: lint");
        assertThat(suites.get(1).getAttribute("tests")).isEqualTo("2");
        assertThat(suites.get(1).getAttribute("failures")).isEqualTo("1");
        assertThat(elements(xml, "testcase")).extracting(c -> c.getAttribute("name"))
                .containsExactly("generated/a,b.yml", "generated/hatago.yml", "generated/ok.yml");
        List<Element> failures = elements(xml, "failure");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(1).getAttribute("message")).isEqualTo(
                "generated/hatago.yml:7:15: error: could not parse expression: 1:7: unexpected end [rule-file]");
        assertThat(failures.get(1).getTextContent()).doesNotContain("runbook_url");
    }

    private static List<Element> elements(Document xml, String tag) {
        var nodes = xml.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }
}
