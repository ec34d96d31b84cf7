package io.sloc.emit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sloc.emit.rules.RuleNames;
import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class OverviewDashboardTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode overview() throws IOException {
        return MAPPER.readTree(DashboardJson.json(OverviewDashboard.build(RuleNames.SLOC, ModelFixtures.twoServices())));
    }

    static JsonNode panel(JsonNode dashboard, String type) {
        return StreamSupport.stream(dashboard.get("panels").spliterator(), false)
                .filter(p -> p.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void budgetBarGaugeHasOneQueryPerSloNamedAfterServiceSloAndGroups() throws IOException {
        JsonNode bars = panel(overview(), "bargauge");

        assertThat(bars.get("targets")).extracting(t -> t.get("legendFormat").asText()).containsExactly(
                "billing / availability", "hatago / availability", "hatago / latency-p95 {{route}}",
                "hatago / errors-by-route {{route}} {{method}}");
        assertThat(bars.at("/targets/2/expr").asText()).isEqualTo(
                "slo:period_error_budget_remaining:ratio{service=\"hatago\", slo=\"latency-p95\"}");
        assertThat(bars.at("/fieldConfig/defaults/unit").asText()).isEqualTo("percentunit");
        // Each bar opens its service's dashboard: one override per query, by refId.
        assertThat(bars.at("/fieldConfig/overrides")).extracting(o -> o.at("/matcher/options").asText()
                + " " + o.at("/properties/0/value/0/url").asText()).containsExactly(
                "A /d/sloc-svc-billing", "B /d/sloc-svc-hatago", "C /d/sloc-svc-hatago", "D /d/sloc-svc-hatago");
    }

    @Test
    void tableListsSlosBurningAboveTheChosenThreshold() throws IOException {
        JsonNode dashboard = overview();
        JsonNode table = panel(dashboard, "table");

        String expr = table.at("/targets/0/expr").asText();
        assertThat(expr).isEqualTo("slo:current_burn_rate:ratio > $burn_threshold");
        assertThat(table.at("/targets/0/format").asText()).isEqualTo("table");
        assertThat(table.at("/transformations/0/options/renameByName/Value").asText()).isEqualTo("Burn rate");
        JsonNode threshold = dashboard.at("/templating/list/1");
        assertThat(threshold.get("name").asText()).isEqualTo("burn_threshold");
        assertThat(threshold.get("query").asText()).isEqualTo("1,3,6,14.4");
    }

    @Test
    void countsFiringAlertsPerSeverityAndLinksEveryService() throws IOException {
        JsonNode dashboard = overview();

        List<String> stats = StreamSupport.stream(dashboard.get("panels").spliterator(), false)
                .filter(p -> p.get("type").asText().equals("stat")).map(p -> p.get("title").asText()).toList();
        assertThat(stats).containsExactly("SLOs", "Firing: page", "Firing: ticket", "Firing: critical");
        assertThat(dashboard.get("links")).extracting(l -> l.get("title").asText())
                .containsExactly("billing", "hatago", "sloc dashboards");
        assertThat(dashboard.at("/links/1/url").asText()).isEqualTo("/d/sloc-svc-hatago");
    }
}
