package io.sloc.emit.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sloc.emit.rules.RuleNames;
import io.sloc.compiler.TestCompiles;
import io.sloc.model.Service;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ServiceDashboardTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode hatago() throws IOException {
        Service hatago = ModelFixtures.twoServices().services().stream()
                .filter(s -> s.name().equals("hatago")).findFirst().orElseThrow();
        return MAPPER.readTree(DashboardJson.json(ServiceDashboard.build(RuleNames.SLOC, hatago)));
    }

    static List<JsonNode> panels(JsonNode dashboard, String type, String title) {
        return StreamSupport.stream(dashboard.get("panels").spliterator(), false)
                .filter(p -> p.get("type").asText().equals(type) && p.path("title").asText().equals(title))
                .toList();
    }

    /** The panels under the row whose title starts with {@code rowTitle}, up to the next row. */
    static List<JsonNode> rowPanels(JsonNode dashboard, String rowTitle) {
        List<JsonNode> panels = new ArrayList<>();
        boolean inside = false;
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                inside = panel.get("title").asText().startsWith(rowTitle);
            } else if (inside) {
                panels.add(panel);
            }
        }
        return panels;
    }

    @Test
    void burnRateChartDrawsEveryAlertFactorAsADashedThresholdInItsSeverityColor() throws IOException {
        JsonNode burn = rowPanels(hatago(), "SLO availability").stream()
                .filter(p -> p.get("title").asText().equals("Burn rate")).findFirst().orElseThrow();

        JsonNode steps = burn.at("/fieldConfig/defaults/thresholds/steps");
        assertThat(steps.get(0).get("value").isNull()).isTrue();
        assertThat(steps).extracting(s -> s.get("value").asText()).containsExactly("null", "1", "3", "6", "14.4");
        assertThat(steps).extracting(s -> s.get("color").asText())
                .containsExactly("transparent", "orange", "orange", "red", "red");
        assertThat(burn.at("/fieldConfig/defaults/custom/thresholdsStyle/mode").asText()).isEqualTo("dashed");
        assertThat(burn.get("targets")).extracting(t -> t.get("expr").asText()).containsExactly(
                "slo:sli_error:ratio_rate1h{service=\"hatago\", slo=\"availability\"} / 0.0005",
                "slo:sli_error:ratio_rate6h{service=\"hatago\", slo=\"availability\"} / 0.0005",
                "slo:sli_error:ratio_rate1d{service=\"hatago\", slo=\"availability\"} / 0.0005",
                "slo:sli_error:ratio_rate3d{service=\"hatago\", slo=\"availability\"} / 0.0005");
    }

    @Test
    void sloRowShowsObjectiveSliBudgetAndOneAlertStatePerSeverity() throws IOException {
        List<JsonNode> row = rowPanels(hatago(), "SLO availability");

        assertThat(row).extracting(p -> p.get("type").asText() + " " + p.get("title").asText()).containsExactly(
                "stat Objective", "stat SLI over 30d", "gauge Error budget remaining", "timeseries SLI vs objective",
                "stat Alert: page", "stat Alert: ticket", "stat Threshold alerts firing", "timeseries Burn rate");
        JsonNode sli = row.get(1);
        assertThat(sli.at("/fieldConfig/defaults/thresholds/steps/1/value").decimalValue()).isEqualByComparingTo("0.9995");
        assertThat(sli.at("/fieldConfig/defaults/decimals").asInt()).isEqualTo(2);
        assertThat(sli.at("/targets/0/instant").asBoolean()).isTrue();
        assertThat(row.get(4).at("/targets/0/expr").asText()).isEqualTo("max(ALERTS{service=\"hatago\", "
                + "slo=\"availability\", alertname=\"HatagoAvailabilityErrorBudgetBurn\", severity=\"page\", "
                + "alertstate=\"firing\"}) or on() vector(0)");
        assertThat(row.get(4).at("/fieldConfig/defaults/mappings/0/options/1/text").asText()).isEqualTo("FIRING");
        assertThat(row.get(6).at("/targets/0/expr").asText()).isEqualTo("count(ALERTS{service=\"hatago\", "
                + "slo=\"availability\", alertname=~\"HatagoDown\", alertstate=\"firing\"}) or on() vector(0)");
        // Three alert stats under objective and SLI: two of 4 columns, the odd last one 8; the gauge and the SLI
        // chart beside them are as tall as the three lines of stats.
        assertThat(row).extracting(p -> p.at("/gridPos/w").asInt()).containsExactly(4, 4, 4, 12, 4, 4, 8, 24);
        assertThat(row.get(2).at("/gridPos/h").asInt()).isEqualTo(12);
    }

    @Test
    void groupedSloRowRepeatsPerValueOfItsFirstGroupingLabel() throws IOException {
        JsonNode dashboard = hatago();
        JsonNode row = StreamSupport.stream(dashboard.get("panels").spliterator(), false)
                .filter(p -> p.path("title").asText().startsWith("SLO errors-by-route")).findFirst().orElseThrow();

        assertThat(row.get("repeat").asText()).isEqualTo("route");
        assertThat(dashboard.at("/templating/list")).extracting(v -> v.get("name").asText())
                .containsExactly("datasource", "route", "method");
        assertThat(rowPanels(dashboard, "SLO errors-by-route").get(1).at("/targets/0/expr").asText())
                .contains("route=~\"$route\"", "method=~\"$method\"");
    }

    @Test
    void nativeLatencySloRowChartsQuantilesFromTheHistogramWithTheBoundaryDashed() throws IOException {
        Service api = TestCompiles.compile("service api { slo fast { objective 99% sli latency { native_histogram "
                + "`rpc_seconds{job=\"rpc\"}` faster_than 250ms }\n by (route) } }").spec().services().get(0);
        JsonNode latency = rowPanels(MAPPER.readTree(DashboardJson.json(ServiceDashboard.build(RuleNames.SLOC, api))), "SLO fast")
                .stream().filter(p -> p.get("title").asText().equals("Latency")).findFirst().orElseThrow();
        assertThat(latency.get("targets")).extracting(t -> t.get("expr").asText()).containsExactly(
                "histogram_quantile(0.5, sum by (route) (rate(rpc_seconds{job=\"rpc\", route=~\"$route\"}"
                        + "[$__rate_interval])))",
                "histogram_quantile(0.9, sum by (route) (rate(rpc_seconds{job=\"rpc\", route=~\"$route\"}"
                        + "[$__rate_interval])))",
                "histogram_quantile(0.99, sum by (route) (rate(rpc_seconds{job=\"rpc\", route=~\"$route\"}"
                        + "[$__rate_interval])))");
        assertThat(latency.get("targets").get(2).get("legendFormat").asText()).isEqualTo("{{route}} p99");
        JsonNode defaults = latency.get("fieldConfig").get("defaults");
        assertThat(defaults.get("unit").asText()).isEqualTo("s");
        assertThat(defaults.get("thresholds").get("steps").get(1).get("value").asDouble()).isEqualTo(0.25);
        assertThat(rowPanels(hatago(), "SLO latency-p95")).extracting(p -> p.get("title").asText())
                .doesNotContain("Latency");
    }

    @Test
    void sloWithoutAlertingHasNoAlertStatesAndNoThresholdLines() throws IOException {
        List<JsonNode> row = rowPanels(hatago(), "SLO errors-by-route");

        assertThat(row).noneMatch(p -> p.get("title").asText().startsWith("Alert:"));
        assertThat(row.get(row.size() - 1).at("/fieldConfig/defaults/custom/thresholdsStyle/mode").asText())
                .isEqualTo("off");
    }

    @Test
    void specPanelsKeepTheirTypeUnitLegendAndThresholds() throws IOException {
        List<JsonNode> requests = rowPanels(hatago(), "Requests");

        assertThat(requests).extracting(p -> p.get("type").asText()).containsExactly("timeseries", "stat", "gauge");
        assertThat(requests.get(0).at("/targets/0/legendFormat").asText()).isEqualTo("{{route}}");
        assertThat(requests.get(0).at("/targets/0/range").asBoolean()).isTrue();
        assertThat(requests.get(1).at("/targets/0/instant").asBoolean()).isTrue();
        assertThat(requests.get(1).at("/fieldConfig/defaults/thresholds/steps")).extracting(s -> s.get("color").asText())
                .containsExactly("green", "orange", "red");
        assertThat(rowPanels(hatago(), "Plugins").get(1).at("/targets/0/format").asText()).isEqualTo("table");
    }

    @Test
    void dashboardHasDatasourceVariableAlertAnnotationAndLinks() throws IOException {
        JsonNode dashboard = hatago();

        assertThat(dashboard.get("uid").asText()).isEqualTo("sloc-svc-hatago");
        assertThat(dashboard.get("schemaVersion").asInt()).isEqualTo(42);
        assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
        assertThat(dashboard.at("/annotations/list/1/expr").asText())
                .isEqualTo("ALERTS{service=\"hatago\", alertstate=\"firing\"}");
        assertThat(dashboard.get("links")).extracting(l -> l.path("url").asText(l.path("type").asText()))
                .containsExactly("/d/sloc-overview", "dashboards");
    }

    @Test
    void uidsAreStableShortAndDistinct() {
        String longName = "a-service-with-a-name-far-longer-than-grafana-allows";
        assertThat(DashboardUids.service("hatago")).isEqualTo("sloc-svc-hatago");
        assertThat(DashboardUids.service(longName)).hasSizeLessThanOrEqualTo(40).matches("[A-Za-z0-9_-]+")
                .isEqualTo(DashboardUids.service(longName))
                .isNotEqualTo(DashboardUids.service(longName + "2"));
    }
}
