package io.sloc.emit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sloc.compiler.CompileOptions;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.SpecLoader;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.engine.Engine;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboards compiled from the bundled Hatago specs: schema-valid, structurally sound, every query parses with
 * our PromQL parser and, with the compiled rules replayed over synthetic Hatago traffic, returns data at one of a
 * few instants (quiet, mid-incident, end). Also: deterministic, and equal to what is committed in generated/.
 */
class GeneratedDashboardsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*), *([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}|\\$([A-Za-z0-9_]+)");
    private static final long RULE_STEP_MS = 2 * 60_000L;

    private static SortedMap<String, byte[]> output;
    private static Map<String, JsonNode> dashboards;

    @BeforeAll
    static void compile() throws IOException {
        output = compileSpecs();
        dashboards = DashboardEmitterTest.dashboards(output);
    }

    static SortedMap<String, byte[]> compileSpecs() {
        return CompileSpecs.inMemory(SpecLoader.load(List.of(Shared.projectDir().resolve("slo-specs"))),
                CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT).output().files();
    }

    @Test
    void compileWritesTheServiceDashboardTheOverviewAndProvisioning() {
        assertThat(output.keySet()).contains("grafana/dashboards/service-hatago.json",
                "grafana/dashboards/overview.json", "grafana/provisioning/dashboards/sloc.yaml",
                "grafana/provisioning/datasources/prometheus.yaml");
        assertThat(dashboards).hasSize(2);
    }

    @Test
    void everyDashboardValidatesAndIsStructurallySound() {
        GrafanaSchemas schemas = GrafanaSchemas.relaxed();
        dashboards.forEach((path, dashboard) -> {
            assertThat(schemas.errors(dashboard)).as(path).isEmpty();
            assertThat(DashboardStructure.problems(dashboard)).as(path).isEmpty();
        });
    }

    @Test
    void theHatagoDashboardHasTheSeedsRequestAndPluginRows() {
        JsonNode hatago = dashboards.get("grafana/dashboards/service-hatago.json");
        List<String> rows = new ArrayList<>();
        hatago.get("panels").forEach(p -> {
            if (p.get("type").asText().equals("row")) {
                rows.add(p.get("title").asText());
            }
        });
        assertThat(rows).hasSize(7).endsWith("Request metrics", "Plugin monitoring");
        assertThat(rows.get(3)).isEqualTo("SLO error-rate: 99.9% over 30d (method=$method)");
        JsonNode criticalAvailability = hatago.get("panels").get(5);
        assertThat(criticalAvailability.get("title").asText()).isEqualTo("Alert: critical");
        assertThat(criticalAvailability.at("/links/0/url").asText())
                .isEqualTo("https://github.com/himorishige/hatago/blob/main/docs/runbooks/availability-slo-breach.md");
    }

    @Test
    void everyQueryParses() {
        Map<String, String> failures = new LinkedHashMap<>();
        queries(Map.of()).forEach((where, query) -> {
            try {
                PromqlParser.parse(query);
            } catch (RuntimeException e) {
                failures.put(where + ": " + query, e.getMessage());
            }
        });
        assertThat(failures).isEmpty();
        assertThat(queries(Map.of())).hasSizeGreaterThan(40);
    }

    @Test
    void everyQueryReturnsDataOverSyntheticHatagoSeriesAndTheCompiledRules() {
        HatagoWorkload workload = new HatagoWorkload(26);
        MemoryStorage storage = workload.storage();
        RuleReplay rules = RuleReplay.of(output, PromqlParser::parse);
        assertThat(rules.ruleCount()).isGreaterThan(100);
        rules.run(storage, HatagoWorkload.START_MS + RULE_STEP_MS, workload.endMs(), RULE_STEP_MS);

        long[] instants = {HatagoWorkload.START_MS + 12 * HatagoWorkload.HOUR_MS,
                (workload.incidentStartMs() + workload.incidentEndMs()) / 2, workload.endMs()};
        Engine engine = new Engine();
        // A repeated row gets one value of its variable: check with "All" and with one real value each.
        Map<String, String> oneValue = new TreeMap<>();
        queries(Map.of()).forEach((where, query) -> {
            String variable = where.replaceFirst(".* variable ", "");
            if (!variable.equals(where) && engine.instantQuery(storage, PromqlParser.parse(query), workload.endMs())
                    instanceof Vector values && !values.isEmpty()) {
                oneValue.put(variable, values.get(0).metric().get(variable));
            }
        });
        assertThat(oneValue).containsEntry("method", "GET");
        List<String> empty = new ArrayList<>();
        for (Map<String, String> picked : List.of(Map.<String, String>of(), oneValue)) {
            queries(picked).forEach((where, query) -> {
                Expr expr = PromqlParser.parse(query);
                boolean data = false;
                for (long t : instants) {
                    data |= hasData(engine.instantQuery(storage, expr, t));
                }
                if (!data) {
                    empty.add(where + ": " + query);
                }
            });
        }
        assertThat(empty).as("queries without data at any instant").isEmpty();

        // Controls: the check can see "no data", and burn-rate alerts fire only in the incident.
        assertThat(hasData(engine.instantQuery(storage, PromqlParser.parse(
                "slo:sli_error:ratio_rate1h{service=\"hatago\", slo=\"no-such-slo\"}"), workload.endMs()))).isFalse();
        Expr firing = PromqlParser.parse("ALERTS{alertname=~\".*ErrorBudgetBurn\", alertstate=\"firing\"}");
        assertThat(hasData(engine.instantQuery(storage, firing, instants[0]))).isFalse();
        assertThat(hasData(engine.instantQuery(storage, firing, instants[1]))).isTrue();
    }

    @Test
    void compilingTwiceGivesIdenticalDashboards() {
        SortedMap<String, byte[]> again = compileSpecs();
        output.forEach((path, bytes) -> assertThat(again.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void generatedDirectoryHoldsTheseDashboards() throws IOException {
        Path generated = Shared.projectDir().resolve("generated");
        for (Map.Entry<String, byte[]> file : output.entrySet()) {
            if (file.getKey().startsWith("grafana/")) {
                Path committed = generated.resolve(file.getKey());
                assertThat(committed).as("run ./sloc compile slo-specs/ -o generated/").exists();
                assertThat(Files.readAllBytes(committed)).as(file.getKey()).isEqualTo(file.getValue());
            }
        }
    }

    private static boolean hasData(Value value) {
        if (value instanceof Vector vector) {
            return !vector.isEmpty();
        }
        if (value instanceof Matrix matrix) {
            return !matrix.series().isEmpty();
        }
        return value instanceof Scalar;
    }

    /**
     * Every PromQL query of every dashboard (panel targets, annotations, and the series selectors of
     * {@code label_values} variables, narrowed to series that carry the label), with template variables replaced
     * the way Grafana would: a query variable by the value {@code picked} for it or else its "All" value, any other
     * variable by its current value.
     */
    static Map<String, String> queries(Map<String, String> picked) {
        Map<String, String> queries = new TreeMap<>();
        dashboards.forEach((path, dashboard) -> {
            Map<String, String> values = new TreeMap<>();
            for (JsonNode variable : dashboard.at("/templating/list")) {
                String name = variable.get("name").asText();
                values.put(name, picked.getOrDefault(name, variable.has("allValue")
                        ? variable.get("allValue").asText() : variable.at("/current/value").asText()));
            }
            String file = Path.of(path).getFileName().toString();
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(file + " panel " + panel.get("id") + " " + target.get("refId").asText(),
                            substitute(target.get("expr").asText(), values));
                }
            }
            for (JsonNode annotation : dashboard.at("/annotations/list")) {
                if (annotation.has("expr")) {
                    queries.put(file + " annotation " + annotation.get("name").asText(),
                            substitute(annotation.get("expr").asText(), values));
                }
            }
            for (JsonNode variable : dashboard.at("/templating/list")) {
                Matcher m = LABEL_VALUES.matcher(variable.path("query").asText());
                if (m.matches()) {
                    // The variable lists values only if some selected series carries the label.
                    String carryingLabel = m.group(1).replaceAll("}$", ", " + m.group(2) + "!=\"\"}");
                    queries.put(file + " variable " + variable.get("name").asText(), substitute(carryingLabel, values));
                }
            }
        });
        return queries;
    }

    private static String substitute(String query, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            assertThat(values).as("variable $%s in %s", name, query).containsKey(name);
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(name)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
