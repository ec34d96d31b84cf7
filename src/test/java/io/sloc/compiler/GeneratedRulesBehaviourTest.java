package io.sloc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sloc.emit.rules.GeneratedRule;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.testsupport.PrometheusTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Hatago rules behave, evaluated by the real {@code promtool test rules} (Prometheus 2.42): zero
 * traffic records no NaN or Inf, raises no alert and leaves the budget whole; a 2% error rate pages.
 * (Our own engine will run the same scenarios once it exists; issue 7 generates such tests per SLO.)
 */
class GeneratedRulesBehaviourTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BURN_ALERT = "HatagoAvailabilityErrorBudgetBurn";

    @TempDir
    Path temp;

    @Test
    void zeroTrafficPoisonsNothing() throws IOException {
        CompileSpecs.Result result = TestCompiles.hatago();
        ObjectNode test = testCase(List.of(
                series("hatago_requests_total{code=\"200\",method=\"GET\"}", "5+0x180"),
                series("hatago_request_duration_seconds_bucket{le=\"0.005\"}", "5+0x180"),
                series("hatago_request_duration_seconds_bucket{le=\"0.01\"}", "5+0x180"),
                series("hatago_request_duration_seconds_bucket{le=\"+Inf\"}", "5+0x180"),
                series("hatago_request_duration_seconds_count", "5+0x180"),
                series("up{job=\"hatago\",instance=\"a\"}", "1+0x180")));
        ArrayNode exprTests = test.putArray("promql_expr_test");
        for (String record : recordedNames(result)) {
            exprTests.add(exprTest(record + " != " + record + " or abs(" + record + ") == +Inf", "2h", List.of()));
        }
        exprTests.add(exprTest("slo:sli_error:ratio_rate5m{slo=\"availability\"}", "2h", List.of()));
        exprTests.add(exprTest("slo:period_burn_rate:ratio{slo=\"latency-p95\"}", "2h", List.of()));
        exprTests.add(exprTest("slo:period_error_budget_remaining:ratio{slo=\"availability\"}", "2h",
                List.of(sample(Map.of("__name__", "slo:period_error_budget_remaining:ratio", "service", "hatago",
                        "slo", "availability", "team", "hatago"), 1))));
        ArrayNode alertTests = test.putArray("alert_rule_test");
        for (String alert : alertNames(result)) {
            ObjectNode quiet = alertTests.addObject().put("eval_time", "2h").put("alertname", alert);
            quiet.putArray("exp_alerts");
        }
        assertPromtoolPasses(result, test);
    }

    @Test
    void aTwoPercentErrorRatePagesForAvailability() throws IOException {
        CompileSpecs.Result result = TestCompiles.hatago();
        ObjectNode test = testCase(List.of(
                series("hatago_requests_total{code=\"200\",method=\"GET\"}", "0+98x120"),
                series("hatago_requests_total{code=\"500\",method=\"GET\"}", "0+2x120")));
        ArrayNode exprTests = test.putArray("promql_expr_test");
        // The 1h error ratio is the traffic-weighted 2% (within float noise): 1 when it is, nothing otherwise.
        exprTests.add(exprTest("0 * (slo:sli_error:ratio_rate1h{slo=\"availability\"} > 0.019999 < 0.020001) + 1",
                "1h", List.of(sample(Map.of("service", "hatago", "slo", "availability", "team", "hatago"), 1))));
        ArrayNode expected = NODES.arrayNode();
        for (GeneratedRule.Alerting alert : TestCompiles.alerts(result)) {
            if (alert.alert().equals(BURN_ALERT) && alert.labels().get("severity").equals("critical")) {
                ObjectNode e = expected.addObject();
                alert.labels().forEach(e.putObject("exp_labels")::put);
                alert.annotations().forEach(e.putObject("exp_annotations")::put);
            }
        }
        assertThat(expected).hasSize(2);
        ObjectNode paging = test.putArray("alert_rule_test").addObject().put("eval_time", "40m")
                .put("alertname", BURN_ALERT);
        paging.set("exp_alerts", expected);
        assertPromtoolPasses(result, test);
    }

    private void assertPromtoolPasses(CompileSpecs.Result result, ObjectNode test) throws IOException {
        Files.write(temp.resolve("hatago.rules.yml"), result.output().files().get("rules/hatago.rules.yml"));
        ObjectNode file = NODES.objectNode();
        file.putArray("rule_files").add("hatago.rules.yml");
        file.put("evaluation_interval", "1m");
        file.putArray("tests").add(test);
        Files.writeString(temp.resolve("test.yml"), new ObjectMapper(new YAMLFactory()).writeValueAsString(file));
        PrometheusTools.Result run = PrometheusTools.run(temp, 120,
                List.of(PrometheusTools.promtool().toString(), "test", "rules", "test.yml"));
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("SUCCESS");
    }

    private static ObjectNode testCase(List<ObjectNode> series) {
        ObjectNode test = NODES.objectNode().put("interval", "1m");
        ArrayNode input = test.putArray("input_series");
        series.forEach(input::add);
        return test;
    }

    private static ObjectNode series(String selector, String values) {
        return NODES.objectNode().put("series", selector).put("values", values);
    }

    private static ObjectNode exprTest(String expr, String at, List<ObjectNode> samples) {
        ObjectNode test = NODES.objectNode().put("expr", expr).put("eval_time", at);
        ArrayNode exp = test.putArray("exp_samples");
        samples.forEach(exp::add);
        return test;
    }

    private static ObjectNode sample(Map<String, String> labels, double value) {
        StringBuilder text = new StringBuilder("{");
        new java.util.TreeMap<>(labels).forEach((k, v) -> text.append(text.length() > 1 ? "," : "")
                .append(k).append("=\"").append(v).append('"'));
        return NODES.objectNode().put("labels", text.append('}').toString()).put("value", value);
    }

    private static TreeSet<String> recordedNames(CompileSpecs.Result result) {
        TreeSet<String> names = new TreeSet<>();
        TestCompiles.rules(result).stream().filter(r -> r instanceof GeneratedRule.Recording)
                .forEach(r -> names.add(((GeneratedRule.Recording) r).record()));
        return names;
    }

    private static TreeSet<String> alertNames(CompileSpecs.Result result) {
        TreeSet<String> names = new TreeSet<>();
        TestCompiles.alerts(result).forEach(a -> names.add(a.alert()));
        return names;
    }
}
