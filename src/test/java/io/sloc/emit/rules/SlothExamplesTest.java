package io.sloc.emit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sloc.compiler.CompileOptions;
import io.sloc.diag.BadInputException;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.SpecLoader;
import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sloth's own examples compiled with {@code --naming sloth}, compared with what Sloth generated for them
 * ({@code examples/_gen}): every series Sloth records, sloc records with the same name and labels (values included);
 * the alerts have Sloth's names and labels and fire on the same window pairs with the same factors. For an SLO
 * without alerts sloc records no window that nothing reads (Sloth records all eight). Expressions
 * differ (sloc's windows are traffic-weighted); Sloth's generator labels ({@code sloth_mode}, {@code sloth_spec},
 * {@code sloth_version}) and the {@code cmd} label its example script adds are not compared.
 */
class SlothExamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> GENERATOR_LABELS = Set.of("cmd", "sloth_mode", "sloth_spec", "sloth_version");
    /** A window pair's comparison in Sloth's alerts: {@code ratio_rate1h{...} > (14.4 * 0.000999...)}. */
    private static final Pattern SLOTH_PAIR = Pattern.compile("ratio_rate(\\w+)\\{[^}]*} > \\((\\S+) \\* \\S+\\)");
    /** And in sloc's: {@code ratio_rate1h{...} > 0.0144}. */
    private static final Pattern SLOC_PAIR = Pattern.compile("ratio_rate(\\w+)\\{[^}]*} > ([0-9.eE+-]+)");

    private record Alert(String name, Map<String, String> labels, Set<String> pairs) {
    }

    @Test
    void slothsExamplesRecordSlothsSeriesAndRaiseSlothsAlerts() throws IOException {
        Path examples = Shared.require("interop/sloth/examples");
        List<String> compared = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path example : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                CompileSpecs.Result result;
                try {
                    result = CompileSpecs.inMemory(SpecLoader.load(List.of(example)), CompileOptions.DEFAULTS,
                            PrometheusTarget.DEFAULT, new RuleOutput(RuleNames.SLOTH, RuleFormat.RULES,
                                    Optional.empty(), Map.of()));
                } catch (BadInputException e) {
                    unsupported.add(example.getFileName() + ": " + e.getMessage());
                    continue;
                }
                JsonNode sloth = groups(Files.readAllBytes(examples.resolve("_gen").resolve(example.getFileName())));
                List<JsonNode> ours = new ArrayList<>();
                for (var file : result.output().files().entrySet()) {
                    if (file.getKey().startsWith("rules/")) {
                        groups(file.getValue()).forEach(ours::add);
                    }
                }
                compare(example.getFileName().toString(), sloth, ours);
                compared.add(example.getFileName().toString());
            }
        }
        assertThat(compared).as("unsupported: " + unsupported).hasSizeGreaterThanOrEqualTo(6);
        assertThat(unsupported).allMatch(message -> message.contains("sli.raw: not supported"));
    }

    private static void compare(String example, JsonNode slothGroups, List<JsonNode> ourGroups) {
        Set<String> slothSeries = new TreeSet<>();
        Set<String> ourSeries = new TreeSet<>();
        List<Alert> slothAlerts = new ArrayList<>();
        List<Alert> ourAlerts = new ArrayList<>();
        for (JsonNode rule : rules(slothGroups)) {
            if (rule.has("record")) {
                slothSeries.add(rule.path("record").asText() + labels(rule));
            } else {
                slothAlerts.add(alert(rule, SLOTH_PAIR, null));
            }
        }
        List<JsonNode> ourRules = ourGroups.stream().flatMap(group -> rules(group).stream()).toList();
        Map<String, BigDecimal> budgets = new TreeMap<>();
        for (JsonNode rule : ourRules) {
            if (rule.path("record").asText().equals(RuleNames.ERROR_BUDGET)) {
                String vector = rule.path("expr").asText();
                budgets.put(rule.path("labels").path("sloth_id").asText(),
                        new BigDecimal(vector.substring("vector(".length(), vector.indexOf(')'))));
            }
        }
        for (JsonNode rule : ourRules) {
            if (rule.has("record")) {
                ourSeries.add(rule.path("record").asText() + labels(rule));
            } else {
                ourAlerts.add(alert(rule, SLOC_PAIR, budgets));
            }
        }
        Set<String> alerting = new TreeSet<>();
        rules(slothGroups).stream().filter(rule -> rule.has("alert"))
                .forEach(rule -> alerting.add(slothId(rule.path("expr").asText())));
        assertThat(slothSeries.stream().filter(series -> !ourSeries.contains(series)))
                .as(example + ": Sloth's series that sloc does not record: only the windows of SLOs without alerts, "
                        + "which nothing reads").allMatch(series -> series.startsWith("slo:sli_error:ratio_rate")
                        && alerting.stream().noneMatch(id -> series.contains("sloth_id=" + id + ",")));
        assertThat(ourSeries.stream().filter(series -> !slothSeries.contains(series))
                .map(series -> series.substring(0, series.indexOf('{'))))
                .as(example + ": sloc's series beyond Sloth's are its helper rates")
                .allMatch(name -> name.matches("slo:sli_(total|error):(tiled_)?rate\\w+"));
        assertThat(ourAlerts).as(example + ": alerts").containsExactlyInAnyOrderElementsOf(slothAlerts);
    }

    /** The groups of a rule file or a PrometheusRule, from the first document that has them. */
    private static JsonNode groups(byte[] yaml) throws IOException {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.has("groups")) {
                    return document.path("groups");
                }
                if (document != null && document.at("/spec/groups").isArray()) {
                    return document.at("/spec/groups");
                }
            }
        }
        throw new AssertionError("no rule groups");
    }

    private static List<JsonNode> rules(JsonNode groups) {
        List<JsonNode> rules = new ArrayList<>();
        if (groups.has("rules")) {
            groups.path("rules").forEach(rules::add);
        } else {
            groups.forEach(group -> group.path("rules").forEach(rules::add));
        }
        return rules;
    }

    private static Map<String, String> labels(JsonNode rule) {
        Map<String, String> labels = new TreeMap<>();
        rule.path("labels").fields().forEachRemaining(label -> {
            if (!GENERATOR_LABELS.contains(label.getKey())) {
                labels.put(label.getKey(), label.getValue().asText());
            }
        });
        return labels;
    }

    /**
     * The alert's name, labels and window pairs as {@code long/short x factor}: Sloth writes the factor and the
     * budget, sloc their product, divided here by the SLO's budget ({@code budgets} by {@code sloth_id}; null for
     * Sloth's rules). Factors are compared to 6 digits.
     */
    private static Alert alert(JsonNode rule, Pattern comparison, Map<String, BigDecimal> budgets) {
        String expr = rule.path("expr").asText();
        Matcher m = comparison.matcher(expr);
        List<String[]> sides = new ArrayList<>();
        while (m.find()) {
            sides.add(new String[] {m.group(1), m.group(2)});
        }
        BigDecimal budget = budgets == null ? BigDecimal.ONE : budgets.get(slothId(expr));
        Set<String> pairs = new TreeSet<>();
        for (int i = 0; i + 1 < sides.size(); i += 2) {
            BigDecimal factor = new BigDecimal(sides.get(i)[1]).divide(budget, MathContext.DECIMAL64);
            pairs.add(window(sides.get(i)[0], sides.get(i + 1)[0]) + " x "
                    + factor.round(new MathContext(6)).stripTrailingZeros().toPlainString());
        }
        assertThat(pairs).as(expr).isNotEmpty();
        return new Alert(rule.path("alert").asText(), labels(rule), pairs);
    }

    private static String slothId(String expr) {
        Matcher id = Pattern.compile("sloth_id=\"([^\"]*)\"").matcher(expr);
        assertThat(id.find()).as(expr).isTrue();
        return id.group(1);
    }

    private static String window(String a, String b) {
        return Set.of(a, b).stream().sorted().reduce((x, y) -> x + "/" + y).orElseThrow();
    }

}
