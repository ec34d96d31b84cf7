package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.parser.SeriesDescriptions;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import io.sloc.testsupport.PrometheusTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bit-exactness against the real promtool 2.42: our engine's results become the exact expected samples of a
 * {@code promtool test rules} file (promtool compares floats with ==). Expressions avoid what promtool itself does
 * not reproduce from run to run (order-dependent sums over 3+ series, ties in topk), and NaN (never equal).
 */
class PromtoolDifferentialTest {
    private static final List<String> SERIES = List.of(
            "req_total{job=\"a\", code=\"200\"} 0+13.7x30 3+17.1x30",
            "req_total{job=\"a\", code=\"500\"} 0+0.3x20 1.1+0.7x40",
            "req_total{job=\"b\", code=\"200\"} 5+11.3x60",
            "lat_bucket{le=\"0.1\"} 0+3.3x60",
            "lat_bucket{le=\"0.5\"} 0+7.9x60",
            "lat_bucket{le=\"+Inf\"} 0+9.1x60",
            "gauge{i=\"x\"} 1.1 -2.7 3.3 _ 0.3333 7e3 -1e-3 2.5 stale 4.4 4.4 9.9 0.1 0.2 0.3 0.7 1.3 2.9 3.1 -4 5");
    private static final List<String> EXPRESSIONS = List.of(
            "rate(req_total[5m])", "increase(req_total[7m])", "irate(req_total[3m])", "delta(gauge[10m])",
            "idelta(gauge[10m])", "deriv(req_total[13m])", "predict_linear(req_total[11m], 3600)",
            "holt_winters(gauge[15m], 0.3, 0.6)", "avg_over_time(gauge[20m])", "sum_over_time(gauge[20m])",
            "stddev_over_time(gauge[20m])", "stdvar_over_time(req_total[20m])",
            "quantile_over_time(0.37, gauge[20m])", "sum by (job) (rate(req_total[5m]))",
            // avg and stddev over two series depend on promtool's random series order, so they are left out
            "sum by (job) (rate(req_total{code=\"500\"}[5m])) / sum by (job) (rate(req_total[5m]))",
            "histogram_quantile(0.9, rate(lat_bucket[5m]))", "histogram_quantile(0.42, lat_bucket)",
            "req_total ^ 1.7", "req_total ^ 3", "req_total % 7.3", "ln(req_total + 1)", "exp(gauge)",
            "sqrt(req_total)", "round(req_total, 0.3)", "max_over_time(rate(req_total[2m])[10m:1m])",
            "avg_over_time(rate(req_total[5m])[17m:2m])", "rate(req_total[5m] offset 3m)",
            "count_values(\"v\", round(gauge))", "quantile(0.3, req_total)", "req_total / on(job) group_left "
                    + "sum by (job) (req_total)", "time() - timestamp(gauge)", "deg(gauge atan2 3)",
            "exp(req_total / 100)", "exp(-req_total / 37)", "log2(req_total)", "log10(req_total)",
            "ln(gauge)", "req_total ^ 0.37", "2.3 ^ (gauge / 3)", "sin(gauge)", "cos(req_total)",
            "tan(gauge)", "asin(gauge / 10000)", "acos(gauge / 10000)", "atan(gauge)", "sinh(gauge / 10)",
            "cosh(gauge / 10)", "tanh(gauge)", "asinh(gauge)", "acosh(req_total + 1)", "atanh(gauge / 10000)",
            "gauge", "gauge offset 4m", "gauge @ 300", "last_over_time(gauge[3m])", "resets(req_total[30m])",
            "changes(gauge[30m])", "count_over_time(gauge[5m])", "min_over_time(gauge[10m])",
            "max_over_time(gauge[10m] @ 600)", "present_over_time(gauge[1m])", "absent(gauge{i=\"y\"})",
            "absent_over_time(gauge[1m])", "clamp(gauge, -1, 2.5)", "clamp_min(gauge, 0.2)", "sgn(gauge)",
            "abs(gauge) + ceil(gauge) * floor(gauge)", "label_join(gauge, \"j\", \"-\", \"i\", \"i\")",
            "label_replace(req_total, \"c\", \"$1x\", \"code\", \"(.)00\")", "topk(1, req_total)",
            "bottomk(2, req_total)", "count(req_total > 100)", "group by (job) (req_total)",
            "sum_over_time(gauge[30m:3m] offset 1m)", "rate(req_total[10m:30s] @ 1200)",
            "req_total > bool 200", "gauge == 4.4", "gauge unless req_total", "req_total and on(job) gauge",
            "scalar(gauge) * req_total", "vector(scalar(gauge))", "minute(vector(time()))",
            "day_of_week(vector(1.7e9))", "month(gauge * 1e7)", "-gauge ^ 2", "2 ^ -gauge",
            "stdvar_over_time(gauge[7m])", "deriv(gauge[9m])", "idelta(req_total[2m])",
            "sin(gauge * 1e9)", "cos(req_total * 1e12)", "tan(gauge * 1e15)", "sin(req_total * 1e300)",
            "cos(gauge * 123456789.123)");

    @TempDir
    Path dir;

    @Test
    void engineResultsAreExactlyPromtoolResults() throws IOException {
        MemoryStorage storage = new MemoryStorage();
        StringBuilder yaml = new StringBuilder("evaluation_interval: 1m\ntests:\n  - interval: 1m\n"
                + "    input_series:\n");
        for (String line : SERIES) {
            int split = line.lastIndexOf('}') + 1;
            String metric = line.substring(0, split);
            String values = line.substring(split).trim();
            SeriesDescriptions.SeriesDescription d = SeriesDescriptions.parseSeries(metric, values);
            Labels labels = Labels.of(d.labels());
            for (int i = 0; i < d.values().length; i++) {
                if (!d.omitted().get(i)) {
                    storage.append(labels, i * 60_000L, d.values()[i]);
                }
            }
            yaml.append("      - series: '").append(metric.replace("'", "''")).append("'\n        values: '")
                    .append(values).append("'\n");
        }
        yaml.append("    promql_expr_test:\n");
        Engine engine = new Engine();
        int compared = 0;
        for (String expr : EXPRESSIONS) {
            for (long minute : new long[] {9, 17, 25, 31, 44}) {
                Value v = engine.instantQuery(storage, PromqlParser.parse(expr), minute * 60_000);
                StringBuilder samples = new StringBuilder();
                boolean hasNaN = false;
                for (Sample s : ((Vector) v).samples()) {
                    hasNaN |= Double.isNaN(s.value()) || Double.isInfinite(s.value());
                    samples.append("          - labels: '").append(s.metric().toString().replace("'", "''"))
                            .append("'\n            value: ").append(GoFloat.formatV(s.value())).append('\n');
                }
                if (hasNaN) {
                    continue;
                }
                compared++;
                yaml.append("      - expr: '").append(expr.replace("'", "''")).append("'\n        eval_time: ")
                        .append(minute).append("m\n        exp_samples:")
                        .append(samples.length() == 0 ? " []\n" : "\n" + samples);
            }
        }
        Path file = dir.resolve("diff_test.yml");
        Files.writeString(file, yaml);
        PrometheusTools.Result r = PrometheusTools.run(dir, 120,
                List.of(PrometheusTools.promtool().toString(), "test", "rules", file.toString()));
        assertThat(compared).isGreaterThan(EXPRESSIONS.size() * 3);
        assertThat(r.exitCode()).as("promtool output:\n%s\n%s", r.stdout(), r.stderr()).isZero();
    }

    /** The 10000-sample limit of promtool fails exactly the same queries near its boundary. */
    @Test
    void sampleLimitFailsTheSameQueriesAsPromtool() throws IOException {
        List<String> subqueries = List.of("avg_over_time(sum(m)[1h:1m])", "max_over_time((m * 2)[1h:1m])",
                "avg_over_time(rate(m[5m])[1h:1m])", "max_over_time(m[1h:1m])", "count_over_time(m[1h])",
                "sum(m) + count(m)");
        for (int n : new int[] {80, 81, 160, 161, 162, 163}) {
            compareLimitVerdicts(n, 120, subqueries, 3_600_000);
        }
        List<String> instant = List.of("m * 2", "sum(m)", "-m", "m", "m > 0", "sort(m)", "topk(3, m)");
        for (int n : new int[] {3332, 3333, 4999, 5000}) {
            compareLimitVerdicts(n, 0, instant, 0);
        }
    }

    /** n series {@code m{i="..."}} with samples 1, 2, ... every minute up to {@code lastMinute}. */
    private void compareLimitVerdicts(int n, int lastMinute, List<String> exprs, long evalMs) throws IOException {
        MemoryStorage storage = new MemoryStorage();
        StringBuilder yaml = new StringBuilder("evaluation_interval: 1m\ntests:\n  - interval: 1m\n"
                + "    input_series:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("      - series: 'm{i=\"").append(i).append("\"}'\n        values: '1+1x")
                    .append(lastMinute).append("'\n");
            for (int k = 0; k <= lastMinute; k++) {
                storage.append(Labels.of("__name__", "m", "i", String.valueOf(i)), k * 60_000L, 1 + k);
            }
        }
        yaml.append("    promql_expr_test:\n");
        Engine engine = new Engine(EngineOptions.defaults().withMaxSamples(10000));
        StringBuilder ours = new StringBuilder();
        for (String expr : exprs) {
            yaml.append("      - expr: '").append(expr).append("'\n        eval_time: ").append(evalMs / 1000)
                    .append("s\n        exp_samples: []\n");
            String verdict = "ok";
            try {
                engine.instantQuery(storage, PromqlParser.parse(expr), evalMs);
            } catch (PromqlEvalException e) {
                verdict = "ERR";
            }
            ours.append(expr).append(' ').append(verdict).append('\n');
        }
        Path file = dir.resolve("limit_" + n + ".yml");
        Files.writeString(file, yaml);
        PrometheusTools.Result r = PrometheusTools.run(dir, 120,
                List.of(PrometheusTools.promtool().toString(), "test", "rules", file.toString()));
        StringBuilder theirs = new StringBuilder();
        for (String expr : exprs) {
            boolean failed = (r.stdout() + r.stderr()).contains("expr: \"" + expr + "\", time: ")
                    && (r.stdout() + r.stderr()).matches("(?s).*expr: \"" + java.util.regex.Pattern.quote(expr)
                    + "\", time: [^,]+, err: query processing would load too many samples.*");
            theirs.append(expr).append(' ').append(failed ? "ERR" : "ok").append('\n');
        }
        assertThat(ours.toString()).as("%d series", n).isEqualTo(theirs.toString());
    }
}
