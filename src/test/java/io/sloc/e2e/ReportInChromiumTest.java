package io.sloc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sloc.compiler.TestCompiles;
import io.sloc.emit.behaviour.AlertTestEmitter;
import io.sloc.emit.report.PolicyWorkbook;
import io.sloc.emit.rules.RuleNames;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.promql.PromqlProfile;
import io.sloc.testsupport.HeadlessChromium;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Hatago report as a person sees it: {@code sloc report slo-specs -o target/report} rendered by headless
 * Chromium. The page loads without console errors; every section is screenshot into target/report-screenshots;
 * every chart has its title, description and axis labels and draws coloured pixels; the workbook tables in the
 * DOM hold the times {@link PolicyWorkbook} computes with AlertTimeline.
 */
@Tag("e2e")
@Timeout(600)
class ReportInChromiumTest {
    /** Pixels whose channels differ by more than this are coloured: drawn lines and bands, not text or grid. */
    private static final int CHROMA = 40;
    private static HeadlessChromium browser;
    private static Path page;

    @BeforeAll
    static void renderTheHatagoReport() throws Exception {
        Path output = Shared.projectDir().resolve("target/report");
        SlocCli sloc = new SlocCli();
        assertThat(sloc.run("report", Shared.projectDir().resolve("slo-specs").toString(), "-o", output.toString()))
                .as(sloc.err()).isZero();
        page = output.resolve("index.html");
        browser = HeadlessChromium.start(1280, 1000);
        browser.open(page.toUri().toString());
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void loadsWithoutConsoleErrorsAndEverySectionDrawsSomething() throws Exception {
        assertThat(browser.consoleErrors()).isEmpty();
        Path screenshots = Shared.projectDir().resolve("target/report-screenshots");
        Files.createDirectories(screenshots);
        JsonNode sections = browser.evaluate("[...document.querySelectorAll('section.slo')].map(s => {"
                + " const r = s.getBoundingClientRect();"
                + " return {id: s.id, x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })");
        assertThat(sections).hasSize(5);
        for (JsonNode section : sections) {
            byte[] png = browser.screenshot(section.get("x").asDouble(), section.get("y").asDouble(),
                    section.get("width").asDouble(), section.get("height").asDouble());
            Files.write(screenshots.resolve(section.get("id").asText() + ".png"), png);
            assertThat(colouredPixels(png)).as("coloured pixels of %s", section.get("id")).isGreaterThan(1000);
        }
    }

    @Test
    void everyChartHasItsTextAndDrawnContent() throws Exception {
        JsonNode charts = browser.evaluate("[...document.querySelectorAll('figure')].map(f => {"
                + " const svg = f.querySelector('svg'); const r = svg.getBoundingClientRect();"
                + " const count = sel => svg.querySelectorAll(sel).length;"
                + " return {id: f.id, x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height,"
                + "  title: svg.querySelector('title').textContent, desc: svg.querySelector('desc').textContent,"
                + "  axisLabels: count('text.axis-label'), series: count('path.series'), notes: count('text.note'),"
                + "  thresholds: count('line.threshold'), firing: count('rect.firing') }; })");
        assertThat(charts).hasSize(5 * 6);
        for (JsonNode chart : charts) {
            String id = chart.get("id").asText();
            assertThat(chart.get("title").asText()).as(id).isNotBlank();
            assertThat(chart.get("desc").asText()).as(id).isNotBlank();
            assertThat(chart.get("axisLabels").asInt()).as(id).isEqualTo(2);
            assertThat(chart.get("series").asInt() + chart.get("notes").asInt()).as(id).isPositive();
            if (!id.endsWith("--burndown")) {
                assertThat(chart.get("thresholds").asInt()).as(id).isEqualTo(4);
            }
            if (id.endsWith("--outage")) {
                assertThat(chart.get("firing").asInt()).as("a total outage pages: %s", id).isPositive();
            }
            if (id.endsWith("--zero")) {
                assertThat(chart.get("firing").asInt()).as("zero traffic raises nothing: %s", id).isZero();
                assertThat(chart.get("notes").asInt()).as("zero traffic leaves gaps: %s", id).isOne();
            }
            byte[] png = browser.screenshot(chart.get("x").asDouble(), chart.get("y").asDouble(),
                    chart.get("width").asDouble(), chart.get("height").asDouble());
            assertThat(colouredPixels(png)).as("coloured pixels of %s", id).isGreaterThan(200);
        }
    }

    @Test
    void theWorkbookTablesShowTheComputedTimes() throws Exception {
        CompileSpecs.Result hatago = TestCompiles.hatago();
        int compared = 0;
        for (Service service : hatago.spec().services()) {
            for (Slo slo : service.slos()) {
                PolicyWorkbook workbook = PolicyWorkbook.of(AlertTestEmitter.underTest(RuleNames.SLOC, service, slo), slo.window(),
                        PromqlProfile.DEFAULT);
                JsonNode rows = browser.evaluate("[...document.querySelectorAll('#" + service.name() + "--"
                        + slo.name() + " table.workbook tbody tr')].map(tr => ({multiple: tr.dataset.multiple,"
                        + " cells: [...tr.querySelectorAll('td.detection, td.reset')].map(td =>"
                        + " td.dataset.seconds ?? 'never')}))");
                assertThat(rows).as(slo.name()).hasSize(workbook.rows().size());
                for (int i = 0; i < rows.size(); i++) {
                    PolicyWorkbook.Row row = workbook.rows().get(i);
                    assertThat(rows.get(i).get("multiple").asText())
                            .isEqualTo(row.multiple().stripTrailingZeros().toPlainString());
                    List<String> cells = new ArrayList<>();
                    rows.get(i).get("cells").forEach(c -> cells.add(c.asText()));
                    assertThat(cells).as("%s at %sx", slo.name(), row.multiple()).isEqualTo(expected(row));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(5 * 5);
    }

    private static List<String> expected(PolicyWorkbook.Row row) {
        List<String> cells = new ArrayList<>();
        for (PolicyWorkbook.Cell cell : row.cells()) {
            if (cell instanceof PolicyWorkbook.Fires fires) {
                cells.add(Long.toString(fires.detection().toSeconds()));
                cells.add(Long.toString(fires.reset().toSeconds()));
            } else {
                cells.add("never");
            }
        }
        return cells;
    }

    /** The checks can fail: a page that logs an error and misses an image is caught, and white has no colour. */
    @Test
    void theChecksCatchAnErrorAndABlankPage() throws Exception {
        try (HeadlessChromium other = HeadlessChromium.start(400, 300)) {
            assertThat(colouredPixels(other.screenshot(0, 0, 400, 300))).as("about:blank").isZero();
            Path broken = Files.createTempFile("sloc-broken", ".html");
            Files.writeString(broken, "<!DOCTYPE html><body><img src=\"missing.png\">"
                    + "<script>console.error('drawn wrong')</script></body>");
            other.open(broken.toUri().toString());
            assertThat(String.join("\n", other.consoleErrors())).contains("drawn wrong", "missing.png");
            Files.delete(broken);
        }
    }

    private static int colouredPixels(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > CHROMA) {
                    coloured++;
                }
            }
        }
        return coloured;
    }
}
