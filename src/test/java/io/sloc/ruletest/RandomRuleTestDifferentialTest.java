package io.sloc.ruletest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random rule tests (seeded, so reproducible) run under promtool and sloc: random input series in every notation,
 * recording and alerting rules (in two groups, in a random group_eval_order) with random {@code for},
 * {@code keep_firing_for} and annotation templates, checks at aligned and non-aligned times. The checks expect nothing, so each failure message prints the complete alert and sample state that both
 * tools must agree on. Values stay small integers so that no result depends on summation order.
 */
class RandomRuleTestDifferentialTest {
    private static final int FILES = 60;
    private static final long SEED = 20260424L;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> randomRuleTestsBehaveLikePromtool() {
        Random random = new Random(SEED);
        return IntStream.range(0, FILES).mapToObj(i -> {
            String name = "random-" + i;
            String rules = rules(random);
            String test = test(random, name + ".rules.yml");
            return DynamicTest.dynamicTest(name, () -> {
                Files.writeString(dir.resolve(name + ".rules.yml"), rules);
                Files.writeString(dir.resolve(name + ".test.yml"), test);
                PromtoolDifferentialTest.assertSameAsPromtool(dir, name + ".test.yml");
            });
        });
    }

    /**
     * Random selectors in rules: promtool evaluates a rule from its printed expression (matchers sorted), so the
     * labels {@code absent()} keeps and the series a recording rule writes must come out as promtool's.
     */
    @TestFactory
    Stream<DynamicTest> randomSelectorsInRulesBehaveLikePromtool() {
        Random random = new Random(SEED + 1);
        return IntStream.range(0, SELECTOR_FILES).mapToObj(i -> {
            String name = "selectors-" + i;
            String rules = selectorRules(random);
            return DynamicTest.dynamicTest(name, () -> {
                Files.writeString(dir.resolve(name + ".rules.yml"), rules);
                Files.writeString(dir.resolve(name + ".test.yml"), selectorTest(name + ".rules.yml"));
                PromtoolDifferentialTest.assertSameAsPromtool(dir, name + ".test.yml");
            });
        });
    }

    private static final int SELECTOR_FILES = 20;
    private static final int SELECTOR_RULES = 6;

    private static String selectorRules(Random r) {
        StringBuilder sb = new StringBuilder("groups:\n  - name: selectors\n    rules:\n");
        for (int i = 0; i < SELECTOR_RULES; i++) {
            String selector = selector(r);
            String expr = switch (r.nextInt(4)) {
                case 0 -> "absent(" + selector + ")";
                case 1 -> "absent_over_time(" + selector + "[2m])";
                case 2 -> selector;
                default -> "sum by (i, j) (" + selector + ")";
            };
            sb.append(i % 2 == 0 ? "      - alert: Alert" : "      - record: rec_").append(i)
                    .append("\n        expr: '").append(expr.replace("'", "''")).append("'\n");
        }
        return sb.toString();
    }

    /** A selector of 1 to 4 random matchers on i, j and the name, in random order; never an empty-matching one. */
    private static String selector(Random r) {
        List<String> matchers = new ArrayList<>();
        boolean named = r.nextBoolean();
        if (!named) {
            matchers.add(pick(r, List.of("__name__=\"s\"", "__name__=~\"s|t\"", "__name__!=\"t\"")));
        }
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            matchers.add(pick(r, List.of("i", "j", "k")) + pick(r, List.of("=", "!=", "=~", "!~"))
                    + pick(r, List.of("\"0\"", "\"1\"", "\"\"", "\".*\"", "\"0|1\"")));
        }
        Collections.shuffle(matchers, r);
        return (named ? pick(r, List.of("s", "t", "missing")) : "") + "{" + String.join(", ", matchers) + "}";
    }

    private static String selectorTest(String ruleFile) {
        StringBuilder sb = new StringBuilder("rule_files: [" + ruleFile + "]\nevaluation_interval: 1m\ntests:\n"
                + "  - interval: 1m\n    input_series:\n");
        for (String series : List.of("s{i=\"0\"}", "s{i=\"1\", j=\"1\"}", "t{i=\"0\", k=\"\"}")) {
            sb.append("      - series: '").append(series).append("'\n        values: 1x5\n");
        }
        sb.append("    alert_rule_test:\n");
        for (int i = 0; i < SELECTOR_RULES; i += 2) {
            sb.append("      - {eval_time: 3m, alertname: Alert").append(i).append("}\n");
        }
        sb.append("    promql_expr_test:\n      - expr: '{__name__=~\"rec_.*\"}'\n        eval_time: 3m\n");
        return sb.toString();
    }

    private static final List<String> TEMPLATES = List.of("{{ humanize $value }}", "{{ $value | humanizeDuration }}",
            "{{ humanizePercentage $value }}", "{{ printf \"%.3f\" $value }}",
            "{{ with query \"count(s)\" }}{{ . | first | value }}{{ end }}", "{{ $labels.severity | toUpper }}");

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    static String rules(Random r) {
        StringBuilder sb = new StringBuilder("groups:\n  - name: records\n    rules:\n");
        List<String> recordExprs = List.of("sum(s)", "s * 2", "max_over_time(s[2m])", "rate(s[5m])", "s > 3",
                "count(s)", "avg_over_time(s[3m])", "s offset 1m", "changes(s[4m])", "-s", "s % 3",
                "count_over_time(s[90s])", "last_over_time(s[1m])", "increase(s[3m])", "clamp_max(s, 4)");
        int records = 1 + r.nextInt(3);
        for (int i = 0; i < records; i++) {
            sb.append("      - record: rec_").append(i).append("\n        expr: ").append(pick(r, recordExprs))
                    .append('\n');
        }
        sb.append("  - name: alerts\n    rules:\n");
        int alerts = 1 + r.nextInt(3);
        for (int i = 0; i < alerts; i++) {
            String expr = r.nextBoolean() ? "s > " + r.nextInt(6) : "rec_" + r.nextInt(records) + " > " + r.nextInt(4);
            sb.append("      - alert: Alert").append(i).append("\n        expr: ").append(expr).append('\n');
            String hold = pick(r, List.of("0s", "1m", "2m", "5m", "90s"));
            if (!hold.equals("0s")) {
                sb.append("        for: ").append(hold).append('\n');
            }
            String keep = pick(r, List.of("0s", "0s", "1m", "3m", "150s"));
            if (!keep.equals("0s")) {
                sb.append("        keep_firing_for: ").append(keep).append('\n');
            }
            sb.append("        labels:\n          severity: ").append(pick(r, List.of("page", "ticket")))
                    .append("\n        annotations:\n          summary: 'v={{ $value }} i={{ $labels.i }}'\n")
                    .append("          detail: '").append(pick(r, TEMPLATES)).append("'\n");
        }
        return sb.toString();
    }

    static String test(Random r, String ruleFile) {
        String eval = pick(r, List.of("30s", "1m", "2m"));
        String order = r.nextBoolean() ? "[records, alerts]" : "[alerts, records]";
        StringBuilder sb = new StringBuilder("rule_files: [" + ruleFile + "]\ngroup_eval_order: " + order
                + "\nevaluation_interval: " + eval
                + "\ntests:\n  - interval: " + pick(r, List.of("15s", "30s", "1m", "2m")) + "\n    input_series:\n");
        int series = 1 + r.nextInt(3);
        for (int i = 0; i < series; i++) {
            sb.append("      - series: 's{i=\"").append(i).append("\"}'\n        values: '").append(values(r))
                    .append("'\n");
        }
        List<String> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            times.add(r.nextInt(12) + "m" + (r.nextInt(3) == 0 ? "30s" : ""));
        }
        sb.append("    alert_rule_test:\n");
        for (String t : times) {
            sb.append("      - eval_time: ").append(t).append("\n        alertname: Alert").append(r.nextInt(3))
                    .append("\n        exp_alerts: []\n");
        }
        sb.append("    promql_expr_test:\n");
        for (String expr : List.of("ALERTS", "ALERTS_FOR_STATE", "rec_0", "{__name__=~\"rec_.*\"}")) {
            sb.append("      - expr: '").append(expr).append("'\n        eval_time: ").append(pick(r, times))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String values(Random r) {
        List<String> items = new ArrayList<>();
        int n = 2 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            int a = r.nextInt(8);
            switch (r.nextInt(7)) {
                case 0 -> items.add(a + "+" + r.nextInt(3) + "x" + r.nextInt(6));
                case 1 -> items.add(a + "-" + r.nextInt(2) + "x" + r.nextInt(4));
                case 2 -> items.add(a + "x" + r.nextInt(5));
                case 3 -> items.add("_");
                case 4 -> items.add("_x" + (1 + r.nextInt(3)));
                case 5 -> items.add("stale");
                default -> items.add(String.valueOf(a));
            }
        }
        return String.join(" ", items);
    }

}
