package io.sloc.ruletest;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.strconv.GoStrconv;
import io.sloc.golang.yaml.GoYaml;
import io.sloc.promql.PromqlProfile;
import io.sloc.rules.RuleFileLoader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a promtool rule-test file strictly, like promtool's {@code yaml.UnmarshalStrict} into its Go structs: unknown
 * fields and type mismatches are reported together in go-yaml's words (with promtool's Go type names, e.g.
 * {@code field foo not found in type main.testGroup}); a bad duration or start timestamp aborts with its own
 * message. Prometheus 3.x knows a few more fields ({@code fuzzy_compare}, {@code start_timestamp},
 * {@code histogram}), which 2.42 rejects as unknown.
 */
public final class TestFileParser {
    private static final Set<String> FILE_FIELDS_2 =
            Set.of("rule_files", "evaluation_interval", "group_eval_order", "tests");
    private static final Set<String> FILE_FIELDS_3 = with(FILE_FIELDS_2, "fuzzy_compare");
    private static final Set<String> GROUP_FIELDS_2 = Set.of("interval", "input_series", "alert_rule_test",
            "promql_expr_test", "external_labels", "external_url", "name");
    private static final Set<String> GROUP_FIELDS_3 = with(GROUP_FIELDS_2, "start_timestamp");
    private static final Set<String> SERIES_FIELDS = Set.of("series", "values");
    private static final Set<String> ALERT_TEST_FIELDS = Set.of("eval_time", "alertname", "exp_alerts");
    private static final Set<String> ALERT_FIELDS = Set.of("exp_labels", "exp_annotations");
    private static final Set<String> PROMQL_TEST_FIELDS = Set.of("expr", "eval_time", "exp_samples");
    private static final Set<String> SAMPLE_FIELDS_2 = Set.of("labels", "value");
    private static final Set<String> SAMPLE_FIELDS_3 = with(SAMPLE_FIELDS_2, "histogram");

    private final GoYaml yaml = GoYaml.v2Strict();
    private final boolean prometheus3;

    private TestFileParser(boolean prometheus3) {
        this.prometheus3 = prometheus3;
    }

    /**
     * Parses test-file text as promtool 2.42 reads it.
     *
     * @throws GoYaml.YamlError with promtool's message
     */
    public static UnitTestFile parse(String text) {
        return parse(text, PromqlProfile.V2_42);
    }

    /**
     * Parses test-file text as the promtool of {@code profile}'s Prometheus version reads it.
     *
     * @throws GoYaml.YamlError with promtool's message
     */
    public static UnitTestFile parse(String text, PromqlProfile profile) {
        TestFileParser parser = new TestFileParser(profile.isPrometheus3());
        UnitTestFile file = parser.file(GoYaml.compose(text));
        parser.yaml.throwCollected();
        return file;
    }

    private static Set<String> with(Set<String> fields, String added) {
        Set<String> all = new HashSet<>(fields);
        all.add(added);
        return Set.copyOf(all);
    }

    private UnitTestFile file(Node n) {
        List<String> ruleFiles = new ArrayList<>();
        long[] evalInterval = {0};
        List<String> order = new ArrayList<>();
        List<TestGroup> tests = new ArrayList<>();
        boolean[] fuzzy = {false};
        yaml.struct(n, "main.unitTestFile", prometheus3 ? FILE_FIELDS_3 : FILE_FIELDS_2, (key, value) -> {
            switch (key) {
                case "rule_files" -> GoYaml.assign(ruleFiles, yaml.list(value, "[]string", yaml::string));
                case "evaluation_interval" -> evalInterval[0] = RuleFileLoader.duration(value, yaml);
                case "group_eval_order" -> GoYaml.assign(order, yaml.list(value, "[]string", yaml::string));
                case "fuzzy_compare" -> fuzzy[0] = yaml.bool(value);
                default -> GoYaml.assign(tests, yaml.list(value, "[]main.testGroup", this::group));
            }
        });
        return new UnitTestFile(ruleFiles, evalInterval[0], order, tests, fuzzy[0]);
    }

    private TestGroup group(Node n) {
        long[] interval = {0};
        List<InputSeries> series = new ArrayList<>();
        List<AlertTestCase> alerts = new ArrayList<>();
        List<PromqlTestCase> promql = new ArrayList<>();
        Map<String, String> externalLabels = new LinkedHashMap<>();
        String[] text = {"", ""};
        long[] start = {0};
        boolean isMap = yaml.struct(n, "main.testGroup", prometheus3 ? GROUP_FIELDS_3 : GROUP_FIELDS_2,
                (key, value) -> {
            switch (key) {
                case "interval" -> interval[0] = RuleFileLoader.duration(value, yaml);
                case "input_series" -> GoYaml.assign(series, yaml.list(value, "[]main.series", this::series));
                case "alert_rule_test" -> GoYaml.assign(alerts,
                        yaml.list(value, "[]main.alertTestCase", this::alertTest));
                case "promql_expr_test" -> GoYaml.assign(promql,
                        yaml.list(value, "[]main.promqlTestCase", this::promqlTest));
                case "external_labels" -> externalLabels.putAll(yaml.stringMap(value));
                case "external_url" -> text[0] = yaml.string(value);
                case "start_timestamp" -> start[0] = startTimestamp(value);
                default -> text[1] = yaml.string(value);
            }
        });
        return isMap ? new TestGroup(interval[0], series, alerts, promql, externalLabels, text[0], text[1],
                start[0], GoYaml.line(n)) : null;
    }

    private InputSeries series(Node n) {
        String[] text = {"", ""};
        boolean isMap = yaml.struct(n, "main.series", SERIES_FIELDS,
                (key, value) -> text[key.equals("series") ? 0 : 1] = yaml.string(value));
        return isMap ? new InputSeries(text[0], text[1], GoYaml.line(n)) : null;
    }

    private AlertTestCase alertTest(Node n) {
        long[] evalTime = {0};
        String[] alertname = {""};
        List<ExpectedAlert> expected = new ArrayList<>();
        boolean isMap = yaml.struct(n, "main.alertTestCase", ALERT_TEST_FIELDS, (key, value) -> {
            switch (key) {
                case "eval_time" -> evalTime[0] = RuleFileLoader.duration(value, yaml);
                case "alertname" -> alertname[0] = yaml.string(value);
                default -> GoYaml.assign(expected, yaml.list(value, "[]main.alert", this::expectedAlert));
            }
        });
        return isMap ? new AlertTestCase(evalTime[0], alertname[0], expected, GoYaml.line(n)) : null;
    }

    private ExpectedAlert expectedAlert(Node n) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        boolean isMap = yaml.struct(n, "main.alert", ALERT_FIELDS,
                (key, value) -> (key.equals("exp_labels") ? labels : annotations).putAll(yaml.stringMap(value)));
        return isMap ? new ExpectedAlert(labels, annotations) : null;
    }

    private PromqlTestCase promqlTest(Node n) {
        String[] expr = {""};
        long[] evalTime = {0};
        List<ExpectedSample> samples = new ArrayList<>();
        boolean isMap = yaml.struct(n, "main.promqlTestCase", PROMQL_TEST_FIELDS, (key, value) -> {
            switch (key) {
                case "expr" -> expr[0] = yaml.string(value);
                case "eval_time" -> evalTime[0] = RuleFileLoader.duration(value, yaml);
                default -> GoYaml.assign(samples, yaml.list(value, "[]main.sample", this::sample));
            }
        });
        return isMap ? new PromqlTestCase(expr[0], evalTime[0], samples, GoYaml.line(n)) : null;
    }

    private ExpectedSample sample(Node n) {
        String[] text = {"", ""};
        double[] value = {0};
        boolean isMap = yaml.struct(n, "main.sample", prometheus3 ? SAMPLE_FIELDS_3 : SAMPLE_FIELDS_2, (key, v) -> {
            switch (key) {
                case "labels" -> text[0] = yaml.string(v);
                case "histogram" -> text[1] = yaml.string(v);
                default -> value[0] = yaml.float64(v);
            }
        });
        return isMap ? new ExpectedSample(text[0], value[0], text[1]) : null;
    }

    /**
     * promtool's start timestamp, read as a string: Unix seconds (a Go float) or RFC 3339; milliseconds since the
     * epoch. A bad one aborts decoding, as its YAML unmarshaler does.
     */
    private long startTimestamp(Node n) {
        if (GoYaml.isNull(n)) {
            return 0;
        }
        String text = yaml.scalarText(n, "string");
        if (text == null) {
            return 0;
        }
        try {
            double seconds = GoStrconv.parseFloat(text);
            return (long) Math.floor(seconds * 1000);
        } catch (GoStrconv.NumError notANumber) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException notATime) {
                throw new GoYaml.YamlError("cannot parse " + GoQuote.quote(text) + " to a valid timestamp",
                        GoYaml.line(n));
            }
        }
    }
}
