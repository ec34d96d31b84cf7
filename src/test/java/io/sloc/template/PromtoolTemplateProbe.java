package io.sloc.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.golang.strconv.GoStrconv;
import io.sloc.testsupport.PrometheusTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * Asks the real promtool 2.42 how alert annotation templates render: every probe becomes an alerting rule with
 * annotation {@code t}, tested with deliberately empty {@code exp_alerts} so that promtool prints what it got.
 */
final class PromtoolTemplateProbe {
    /** The one input series every probe can use: {@code m{job="api", instance="host.example.com:9090"}}. */
    static final String SERIES = "m{job=\"api\", instance=\"host.example.com:9090\"}";
    static final double SERIES_VALUE = 1234567.5;
    static final Map<String, String> SERIES_LABELS =
            Map.of("__name__", "m", "job", "api", "instance", "host.example.com:9090");
    static final Map<String, String> EXTERNAL_LABELS = Map.of("region", "eu");
    static final String EXTERNAL_URL = "http://example.com:9090/prefix";

    /** One alert: its PromQL expression and its annotation template. */
    record Probe(String expr, String template) {
    }

    private static final Pattern GOT = Pattern.compile(
            "alertname: (P\\d+), time: 0s, \\n\\s+exp:\\[\\], \\n\\s+got:\\[\\n\\s+0:\\n\\s+Labels:\\{.*\\}\\n"
                    + "\\s+Annotations:\\{t=(\".*\")\\}\\n");

    private static final Pattern LOAD_ERROR =
            Pattern.compile("rules\\.yml: group \"probes\", rule \\d+, \"P(\\d+)\": annotation \"t\": (.*)");

    private PromtoolTemplateProbe() {
    }

    /** The outcome of one promtool run: rendered annotations, or the rule-file load errors, by probe index. */
    record Outcome(Map<Integer, String> rendered, Map<Integer, String> loadErrors) {
    }

    /**
     * A probe whose template promtool parses: its index among all probes, its alert's name in the rendering run
     * and promtool's rendering.
     */
    record Parsed(Probe probe, int index, String alertName, String rendered) {
    }

    /**
     * Templates that do not parse make promtool reject the whole rule file, so parse errors are compared first
     * (into {@code soft}) and the templates that parse are rendered by promtool in a second run.
     */
    static List<Parsed> parseThenRender(List<Probe> probes, Path dir, AlertTemplateExpander expander,
                                        SoftAssertions soft) throws IOException {
        Outcome first = run(probes, dir);
        List<Probe> parsing = new ArrayList<>();
        List<Integer> parsingIndex = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            String theirs = first.loadErrors().get(i);
            soft.assertThat(expander.parseError("P" + i, probes.get(i).template()))
                    .as("parse error of P%d %s", i, probes.get(i).template()).isEqualTo(Optional.ofNullable(theirs));
            if (theirs == null) {
                parsing.add(probes.get(i));
                parsingIndex.add(i);
            }
        }
        Outcome second = first.loadErrors().isEmpty() ? first : run(parsing, dir);
        assertThat(second.loadErrors()).isEmpty();
        List<Parsed> parsed = new ArrayList<>();
        for (int k = 0; k < parsing.size(); k++) {
            parsed.add(new Parsed(parsing.get(k), parsingIndex.get(k), "P" + k, second.rendered().get(k)));
        }
        return parsed;
    }

    /** Runs promtool once; when any template fails to parse, promtool reports load errors and renders nothing. */
    static Outcome run(List<Probe> probes, Path dir) throws IOException {
        PrometheusTools.Result result = runPromtool(probes, dir);
        String output = result.stdout() + result.stderr();
        Map<Integer, String> loadErrors = new HashMap<>();
        Matcher e = LOAD_ERROR.matcher(output);
        while (e.find()) {
            loadErrors.put(Integer.parseInt(e.group(1)), e.group(2));
        }
        Map<Integer, String> rendered = new HashMap<>();
        Matcher m = GOT.matcher(output);
        while (m.find()) {
            try {
                rendered.put(Integer.parseInt(m.group(1).substring(1)), GoStrconv.unquote(m.group(2)));
            } catch (GoStrconv.NumError ex) {
                throw new IllegalStateException("cannot unquote " + m.group(2), ex);
            }
        }
        if (loadErrors.isEmpty() && rendered.size() != probes.size()) {
            throw new IllegalStateException("promtool reported " + rendered.size() + " of " + probes.size()
                    + " probes; output:\n" + output);
        }
        return new Outcome(rendered, loadErrors);
    }

    private static PrometheusTools.Result runPromtool(List<Probe> probes, Path dir) throws IOException {
        StringBuilder rules = new StringBuilder("groups:\n  - name: probes\n    rules:\n");
        StringBuilder tests = new StringBuilder();
        tests.append("rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n")
                .append("    external_labels: {region: eu}\n")
                .append("    external_url: ").append(EXTERNAL_URL).append('\n')
                .append("    input_series:\n      - series: ").append(json(SERIES)).append('\n')
                .append("        values: '").append(SERIES_VALUE).append("'\n")
                .append("    alert_rule_test:\n");
        for (int i = 0; i < probes.size(); i++) {
            rules.append("      - alert: P").append(i).append('\n')
                    .append("        expr: ").append(json(probes.get(i).expr())).append('\n')
                    .append("        annotations:\n          t: ").append(json(probes.get(i).template())).append('\n');
            tests.append("      - alertname: P").append(i).append("\n        eval_time: 0m\n        exp_alerts: []\n");
        }
        Files.writeString(dir.resolve("rules.yml"), rules, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("test.yml"), tests, StandardCharsets.UTF_8);
        return PrometheusTools.run(dir, 120,
                List.of(PrometheusTools.promtool().toString(), "test", "rules", "test.yml"));
    }

    /** A YAML double-quoted scalar (JSON escapes, all non-ASCII escaped). */
    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
