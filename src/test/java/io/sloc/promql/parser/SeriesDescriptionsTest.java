package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.SeriesDescriptions.SeriesDescription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeriesDescriptionsTest {
    @Test
    void parsesMetricsLikeParseMetric() {
        assertThat(SeriesDescriptions.parseMetric("up{job=\"a\", instance='b:9090'}"))
                .containsExactly(Map.entry("__name__", "up"), Map.entry("instance", "b:9090"), Map.entry("job", "a"));
        assertThat(SeriesDescriptions.parseMetric("{a=\"b\"}")).containsExactly(Map.entry("a", "b"));
        assertThat(SeriesDescriptions.parseMetric("job:rate:sum")).containsExactly(Map.entry("__name__", "job:rate:sum"));
        assertThat(SeriesDescriptions.parseMetric("{__name__=\"x\",B=\"1\"}"))
                .containsExactly(Map.entry("B", "1"), Map.entry("__name__", "x"));
        assertThat(SeriesDescriptions.parseMetric("")).isEmpty();
        assertThat(SeriesDescriptions.parseMetric("sum {a=\"\\n\"}")).isEqualTo(new LinkedHashMap<>(
                Map.of("__name__", "sum", "a", "\n")));
    }

    @Test
    void theMetricNameBeforeTheBracesWinsOverANameLabelInsideLikePrometheus() {
        // generated_parser.y's metric rule sets the identifier over the label set's __name__ (both versions).
        for (PromqlProfile profile : List.of(PromqlProfile.V2_42, PromqlProfile.V3_14)) {
            assertThat(SeriesDescriptions.parseMetric("size{job=\"etcd\", __name__=\"etcd\"}", profile))
                    .containsExactly(Map.entry("__name__", "size"), Map.entry("job", "etcd"));
        }
    }

    @Test
    void rejectsBadMetricsWithPrometheusMessages() {
        assertThatThrownBy(() -> SeriesDescriptions.parseMetric("up{a=~\"b\"}"))
                .isInstanceOfSatisfying(PromqlParseException.class, e -> assertThat(e.prometheusMessage())
                        .isEqualTo("1:5: parse error: unexpected <op:=~> in label set, expected \"=\""));
        assertThatThrownBy(() -> SeriesDescriptions.parseMetric("up{a=\"b\""))
                .hasMessageContaining("unexpected end of input inside braces");
        assertThatThrownBy(() -> SeriesDescriptions.parseMetric("up 1"))
                .hasMessageContaining("unexpected number \"1\"");
        // Recorded from promtool's exp_samples label parsing.
        assertThatThrownBy(() -> SeriesDescriptions.parseMetric("up{a=\"b\"} x"))
                .isInstanceOfSatisfying(PromqlParseException.class, e -> assertThat(e.prometheusMessage())
                        .isEqualTo("1:11: parse error: unexpected identifier \"x\""));
        assertThatThrownBy(() -> SeriesDescriptions.parseMetric("{a=\"b\"}{c=\"d\"}"))
                .isInstanceOfSatisfying(PromqlParseException.class, e -> assertThat(e.prometheusMessage())
                        .isEqualTo("1:8: parse error: unexpected \"{\""));
        assertThatThrownBy(() -> SeriesDescriptions.parseMetric("bool"))
                .isInstanceOfSatisfying(PromqlParseException.class, e -> assertThat(e.prometheusMessage())
                        .isEqualTo("1:1: parse error: unexpected <bool>"));
    }

    @Test
    void expandsTheNotation() {
        assertValues("1 2 3", 1, 2, 3);
        assertValues("-2+4x3", -2, 2, 6, 10);
        assertValues("1-2x4", 1, -1, -3, -5, -7);
        assertValues("1x4", 1, 1, 1, 1, 1);
        assertValues("1e3x1 .5 010 Inf -Inf", 1000, 1000, 0.5, 8, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertValues("0x2", 0, 0, 0);
        SeriesDescription s = SeriesDescriptions.parseSeries("up", "1 _x3 stale _ NaN");
        assertThat(s.size()).isEqualTo(7);
        assertThat(s.omitted().stream().toArray()).containsExactly(1, 2, 3, 5);
        assertThat(Double.doubleToRawLongBits(s.values()[4])).isEqualTo(0x7ff0000000000002L);
        assertThat(Double.doubleToRawLongBits(s.values()[6])).isNotEqualTo(0x7ff0000000000002L);
        assertThat(s.values()[6]).isNaN();
        assertThat(s.labels()).containsExactly(Map.entry("__name__", "up"));
    }

    @Test
    void stepsByRepeatedAdditionLikePrometheus() {
        double[] values = SeriesDescriptions.parseSeries("x", "0.1+0.1x30").values();
        double expected = 0.1;
        for (int i = 1; i <= 30; i++) {
            expected += 0.1;
            assertThat(values[i]).isEqualTo(expected);
        }
        // Not the same as multiplying: the last value shows the accumulated rounding.
        assertThat(values[30]).isNotEqualTo(0.1 + 30 * 0.1);
    }

    @Test
    void reportsPromtoolsMessageForItsBadInputSeriesFixture() {
        assertThatThrownBy(() -> SeriesDescriptions.parseSeries("up{job=\"prometheus\", instance=\"localhost:9090\"",
                "0+0x1440")).isInstanceOfSatisfying(PromqlParseException.class, e -> assertThat(e.prometheusMessage())
                        .isEqualTo("1:48: parse error: unexpected character inside braces: '0'"));
    }

    @Test
    void expandsBeyondTenMillionValuesLikePromtool() {
        assertThat(SeriesDescriptions.parseSeries("x", "_x6000000 1x6000000").size()).isEqualTo(12_000_001);
    }

    @Test
    void refusesAnExpansionLargerThanTheHeapBeforeAllocatingIt() {
        long slots = SeriesDescriptions.MAX_VALUES - 1;
        assertThat(slots * 33).as("this test needs a heap smaller than the expansion")
                .isGreaterThan(Runtime.getRuntime().maxMemory());
        assertThatThrownBy(() -> SeriesDescriptions.parseSeries("x", "1x" + (slots - 1)))
                .isInstanceOfSatisfying(PromqlParseException.class, e -> assertThat(e.prometheusMessage())
                        .contains("parse error: series description of " + slots + " values needs about ")
                        .contains("MiB of memory left (give Java more heap, e.g. SLOC_JAVA_OPTS=-Xmx"));
        assertThatThrownBy(() -> SeriesDescriptions.parseSeries("x", "1+1x9999999999999"))
                .isInstanceOf(PromqlParseException.class).hasMessageContaining("more than one series holds");
    }

    @Test
    void expandsAThousandSeriesOfAMonthOfMinutes() {
        long total = 0;
        for (int i = 0; i < 1000; i++) {
            SeriesDescription s = SeriesDescriptions.parseSeries("m{i=\"" + i + "\"}", "0+1x43199 _x10 stale");
            total += s.size();
        }
        assertThat(total).isEqualTo(1000L * 43_211);
    }

    static Stream<Arguments> promtoolVerdicts() throws IOException {
        try (InputStream in = SeriesDescriptionsTest.class.getResourceAsStream("promtool-series-verdicts.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            return lines.stream().map(l -> l.split("\t", -1)).map(f -> Arguments.of(f[0], f[1], f[2]));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("promtoolVerdicts")
    void matchesPromtool(String series, String values, String verdict) {
        String ours;
        try {
            SeriesDescriptions.parseSeries(series, values);
            ours = "SUCCESS";
        } catch (PromqlParseException e) {
            ours = "FAILED: " + e.prometheusMessage();
        }
        assertThat(ours).isEqualTo(verdict);
    }

    private static void assertValues(String values, double... expected) {
        SeriesDescription s = SeriesDescriptions.parseSeries("x", values);
        assertThat(s.values()).containsExactly(expected);
        assertThat(s.omitted().isEmpty()).isTrue();
    }

    private static SeriesDescription series3(String line) {
        return SeriesDescriptions.parseSeriesLine(line, io.sloc.promql.PromqlProfile.V3_14);
    }

    @Test
    void readsNativeHistogramsAndTheirExpansionsUnderPrometheus3() {
        SeriesDescription s = series3("h {{schema:1 sum:5 count:4 z_bucket:1 z_bucket_w:0.001 buckets:[1 2 1] "
                + "offset:-1 n_buckets:[1] counter_reset_hint:gauge}}x1 {{count:1 buckets:[1]}}+{{count:2 buckets:[2]}}x2"
                + " 7 _");

        assertThat(s.size()).isEqualTo(7);
        assertThat(s.histogram(0).testExpression()).isEqualTo("{{schema:1 count:4 sum:5 z_bucket:1 z_bucket_w:0.001 "
                + "counter_reset_hint:gauge offset:-1 buckets:[1 2 1] n_buckets:[1]}}");
        assertThat(s.histogram(1)).isEqualTo(s.histogram(0));
        assertThat(s.hintGiven().get(1)).isTrue();
        assertThat(s.histogram(4).testExpression()).isEqualTo("{{count:5 buckets:[5]}}");
        assertThat(s.hintGiven().get(4)).isFalse();
        assertThat(s.histogram(5)).isNull();
        assertThat(s.values()[5]).isEqualTo(7);
        assertThat(s.omitted().get(6)).isTrue();
    }

    @Test
    void rejectsBadHistogramDescriptionsWithPrometheusMessages() {
        assertThatThrownBy(() -> series3("h {{foo:1}}")).hasMessageContaining("bad histogram descriptor found: \"foo\"");
        assertThatThrownBy(() -> series3("h {{sum 1}}")).hasMessageContaining("missing `:` for histogram descriptor");
        assertThatThrownBy(() -> series3("h {{sum:1 sum:2}}")).hasMessageContaining("duplicate key \"sum\" in histogram");
        assertThatThrownBy(() -> series3("h {{schema:1}}+{{schema:0}}x1"))
                .hasMessageContaining("error combining histograms: cannot merge from schema 0 to 1");
        assertThatThrownBy(() -> SeriesDescriptions.parseSeriesLine("h {{sum:1}}"))
                .hasMessageContaining("unexpected character in series sequence: '{'");
    }
}
