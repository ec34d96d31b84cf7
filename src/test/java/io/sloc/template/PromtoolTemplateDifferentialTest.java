package io.sloc.template;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.template.PromtoolTemplateProbe.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders template snippets with the real promtool 2.42 and with {@link AlertTemplateExpander}; they must agree. */
class PromtoolTemplateDifferentialTest {
    private static final String NUMBER_FORMATS = "{{ $value }}|{{ printf \"%g|%e|%E|%f|%.4g|%.3e|%.2f|%.0f|%.10g|%G"
            + "|%5.1f|%-9.3g|%+.2e|%08.3f|% g|%v|%.0e|%.1g|%#g|%#.3g|%x|%.3X|%.17g|%.20f|%.25e\" $value $value"
            + " $value $value $value $value $value $value $value $value $value $value $value $value $value $value"
            + " $value $value $value $value $value $value $value $value $value }}"
            + "|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}"
            + "|{{ humanizePercentage $value }}|{{ humanizeTimestamp $value }}";

    /** The query function promtool's rule test would give these probes. */
    private static List<TemplateSample> query(String promql, long evalTimeMs) throws QueryFunction.QueryException {
        switch (promql) {
            case "m":
                return List.of(new TemplateSample(PromtoolTemplateProbe.SERIES_LABELS, PromtoolTemplateProbe.SERIES_VALUE));
            case "nonexistent":
                return List.of();
            default:
                throw new QueryFunction.QueryException("probe query not modelled: " + promql);
        }
    }

    @Test
    void featureAndErrorSnippetsRenderLikePromtool(@TempDir Path dir) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (String template : TemplateSnippets.ALL) {
            probes.add(new Probe("m", template));
        }
        compare(probes, dir);
    }

    @Test
    void numberFormattingMatchesGoForManyValues(@TempDir Path dir) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (double v : interestingValues()) {
            probes.add(new Probe("vector(" + promqlLiteral(v) + ")", NUMBER_FORMATS));
        }
        compare(probes, dir);
    }

    @Test
    void literalsInTemplatesFormatLikeGo(@TempDir Path dir) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (double v : interestingValues()) {
            if (Double.isFinite(v)) {
                String lit = GoFloat.formatShortest(v, 'e');
                probes.add(new Probe("m", "{{ " + lit + " }}|{{ printf \"%.3g|%.5f|%e\" " + lit + " " + lit + " "
                        + lit + " }}|{{ humanize " + lit + " }}"));
            }
        }
        compare(probes, dir);
    }

    private static void compare(List<Probe> probes, Path dir) throws Exception {
        AlertTemplateExpander expander = new AlertTemplateExpander();
        SoftAssertions soft = new SoftAssertions();
        for (PromtoolTemplateProbe.Parsed parsed : PromtoolTemplateProbe.parseThenRender(probes, dir, expander, soft)) {
            Probe p = parsed.probe();
            boolean fromSeries = p.expr().equals("m");
            Map<String, String> labels = fromSeries ? PromtoolTemplateProbe.SERIES_LABELS : Map.of();
            double value = fromSeries ? PromtoolTemplateProbe.SERIES_VALUE : parseVectorLiteral(p.expr());
            String got = expander.expand(parsed.alertName(), p.template(), labels,
                    PromtoolTemplateProbe.EXTERNAL_LABELS, PromtoolTemplateProbe.EXTERNAL_URL, value, 0,
                    PromtoolTemplateDifferentialTest::query);
            soft.assertThat(got).as("P%d %s with %s", parsed.index(), p.template(), p.expr())
                    .isEqualTo(parsed.rendered());
        }
        soft.assertAll();
    }

    private static double parseVectorLiteral(String expr) {
        String lit = expr.substring("vector(".length(), expr.length() - 1);
        return Double.parseDouble(lit.replace("Inf", "Infinity"));
    }

    private static String promqlLiteral(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return GoFloat.formatShortest(v, 'e');
    }

    /** Edge values, exact decimal ties, powers of ten, and seeded random values of every magnitude. */
    static List<Double> interestingValues() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.5, 0.1 + 0.2, 1e6, 123456.0,
                1234567.0, 1e21, 1e-7, 1e-5, 1e-4, 5e-324, Double.MIN_NORMAL, Double.MAX_VALUE, 1234.5, 12345.0,
                1235.5, 2.5, 0.125, 0.0125, 99999.5, 999.95, 1e23, 9007199254740993.0, 1e15, 1.5e300, 123456789.0,
                0.000123456, 86400.0, 90061.0, 3599.999, 59.9999, 0.001, 1024.0, 1048576.0, 1.5, 1e100, -1500.0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1435065584.128, 1e10, 0.25, 0.375));
        Random random = new Random(20230201);
        for (int i = 0; i < 240; i++) {
            double v;
            switch (i % 4) {
                case 0 -> v = Double.longBitsToDouble(random.nextLong());
                case 1 -> v = (random.nextInt(200_000) - 100_000) / Math.pow(10, random.nextInt(12));
                case 2 -> v = (random.nextInt(20_000) + 0.5) * Math.pow(10, random.nextInt(9) - 4);
                default -> v = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            }
            if (Double.isFinite(v)) {
                values.add(v);
            }
        }
        return values;
    }
}
