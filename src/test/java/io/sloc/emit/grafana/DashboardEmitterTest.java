package io.sloc.emit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sloc.emit.OutputTree;
import io.sloc.emit.rules.RuleNames;
import io.sloc.model.Spec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emitter over a hand-built model covering every feature; checks schema, structure and determinism. */
class DashboardEmitterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static GrafanaSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = GrafanaSchemas.relaxed();
    }

    static SortedMap<String, byte[]> emit(Spec spec) {
        OutputTree out = new OutputTree();
        new DashboardEmitter(RuleNames.SLOC).emit(spec, out);
        return out.files();
    }

    static Map<String, JsonNode> dashboards(SortedMap<String, byte[]> files) throws IOException {
        Map<String, JsonNode> dashboards = new java.util.TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().endsWith(".json")) {
                dashboards.put(file.getKey(), MAPPER.readTree(file.getValue()));
            }
        }
        return dashboards;
    }

    @Test
    void writesOneDashboardPerServiceTheOverviewAndProvisioning() {
        assertThat(emit(ModelFixtures.twoServices()).keySet()).containsExactly(
                "grafana/dashboards/overview.json",
                "grafana/dashboards/service-billing.json",
                "grafana/dashboards/service-hatago.json",
                "grafana/provisioning/dashboards/sloc.yaml",
                "grafana/provisioning/datasources/prometheus.yaml");
    }

    @Test
    void everyDashboardValidatesAgainstTheSchemaAndPassesStructuralChecks() throws IOException {
        for (Map.Entry<String, JsonNode> dashboard : dashboards(emit(ModelFixtures.twoServices())).entrySet()) {
            assertThat(schemas.errors(dashboard.getValue())).as(dashboard.getKey()).isEmpty();
            assertThat(DashboardStructure.problems(dashboard.getValue())).as(dashboard.getKey()).isEmpty();
        }
    }

    @Test
    void aSchemaBreakingChangeIsCaught() throws IOException {
        JsonNode hatago = dashboards(emit(ModelFixtures.twoServices()))
                .get("grafana/dashboards/service-hatago.json");
        ObjectNode broken = hatago.deepCopy();
        ((ObjectNode) broken.get("panels").get(1)).put("colour", "red");

        assertThat(schemas.errors(broken)).anySatisfy(error -> assertThat(error).contains("colour"));

        ObjectNode badUnit = hatago.deepCopy();
        ((ObjectNode) badUnit.at("/panels/1/fieldConfig/defaults")).put("unit", "x");
        assertThat(schemas.errors(badUnit)).containsExactly("panel 2 (Objective): unknown unit x");
    }

    @Test
    void thePublishedSchemaRejectsOnlyTheSpotsTheLoaderRelaxes() throws IOException {
        GrafanaSchemas published = GrafanaSchemas.asPublished();
        for (Map.Entry<String, JsonNode> dashboard : dashboards(emit(ModelFixtures.twoServices())).entrySet()) {
            // Field overrides are where Grafana writes strings and numbers the published schema types as objects.
            ObjectNode withoutOverrides = dashboard.getValue().deepCopy();
            withoutOverrides.get("panels").forEach(panel -> {
                if (panel.has("fieldConfig")) {
                    ((ObjectNode) panel.get("fieldConfig")).putArray("overrides");
                }
            });
            assertThat(published.errors(withoutOverrides)).as(dashboard.getKey()).isEmpty();
        }
        JsonNode hatago = dashboards(emit(ModelFixtures.twoServices())).get("grafana/dashboards/service-hatago.json");
        assertThat(published.errors(hatago)).anySatisfy(error -> assertThat(error)
                .contains("/fieldConfig/overrides/0/matcher/options: string found, object expected"));
    }

    @Test
    void outputDoesNotDependOnLocaleOrTimeZone() {
        SortedMap<String, byte[]> reference = emit(ModelFixtures.twoServices());
        java.util.Locale locale = java.util.Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("de-DE"));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
            SortedMap<String, byte[]> other = emit(ModelFixtures.twoServices());
            reference.forEach((path, bytes) -> assertThat(other.get(path)).as(path).isEqualTo(bytes));
        } finally {
            java.util.Locale.setDefault(locale);
            java.util.TimeZone.setDefault(zone);
        }
    }

    @Test
    void outputIsIdenticalOnEveryRun() {
        SortedMap<String, byte[]> first = emit(ModelFixtures.twoServices());
        SortedMap<String, byte[]> second = emit(ModelFixtures.twoServices());
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
    }

    static List<String> allExprs(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        dashboard.path("annotations").path("list").forEach(a -> {
            if (a.has("expr")) {
                exprs.add(a.get("expr").asText());
            }
        });
        return exprs;
    }
}
