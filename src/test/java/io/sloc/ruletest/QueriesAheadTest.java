package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Sample;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileLoader;
import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries run ahead on a second thread change nothing: the rule-test corpus, the generated Hatago tests and random
 * rule tests print and report exactly what they do with every query on the step loop, under both Prometheus
 * versions, without and with a sample limit that fails queries; the rules that may read what the loop writes stay on the loop; and the results the loop takes are the
 * ones it would have computed.
 */
class QueriesAheadTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    private static final int NEVER = Integer.MAX_VALUE;
    private static final long MINUTE = 60_000;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> corpusAndHatagoTestsPrintTheSameWithQueriesAhead() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : PromtoolDifferentialTest.corpusFiles()) {
            tests.add(sameOutput(PromtoolDifferentialTest.corpusDir(), file));
        }
        Path hatago = Shared.projectDir().resolve("generated/tests");
        try (Stream<Path> files = Files.list(hatago)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(f -> tests.add(sameOutput(hatago, f)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomRuleTestsPrintTheSameWithQueriesAhead() {
        Random random = new Random(20261207L);
        return IntStream.range(0, 60).mapToObj(i -> {
            String name = "ahead-" + i;
            String rules = RandomRuleTestDifferentialTest.rules(random);
            String test = RandomRuleTestDifferentialTest.test(random, name + ".rules.yml");
            return DynamicTest.dynamicTest(name, () -> {
                Files.writeString(dir.resolve(name + ".rules.yml"), rules);
                Files.writeString(dir.resolve(name + ".test.yml"), test);
                sameOutput(dir, name + ".test.yml").getExecutable().execute();
            });
        });
    }

    private static DynamicTest sameOutput(Path dir, String file) {
        return DynamicTest.dynamicTest(file, () -> {
            for (PromqlProfile profile : List.of(PromqlProfile.V2_42, PromqlProfile.V3_14)) {
                // No sample limit, and one small enough that queries fail: their errors cross the threads too.
                for (int maxSamples : new int[] {0, 12}) {
                    RuleTestRunner.Options options =
                            new RuleTestRunner.Options(maxSamples, null, profile, false, false, false);
                    assertThat(run(dir, file, options, 1)).as(profile + ", max samples " + maxSamples)
                            .isEqualTo(run(dir, file, options, NEVER));
                }
            }
        });
    }

    private static String run(Path dir, String file, RuleTestRunner.Options options, int aheadFromSteps) {
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        List<FileReport> reports = new RuleTestRunner(options, dir, out, out, CLOCK)
                .withQueriesAheadFrom(aheadFromSteps).run(List.of(file));
        return log + "exit " + RuleTestRunner.exitCode(reports) + "\n" + PromtoolJUnitXml.render(reports);
    }

    @Test
    void onlyQueriesOfInputSeriesRunAhead() {
        Set<String> recorded = Set.of("job:requests:rate5m", "ALERTS", "ALERTS_FOR_STATE");
        assertThat(namesRead("sum by (job) (rate(requests_total{code=~\"5..\"}[5m])) / on() group_left "
                + "sum(rate(requests_total[5m] offset 1h))", recorded)).containsExactly("requests_total");
        assertThat(namesRead("max_over_time(up[1h:1m]) > bool 0 or vector(1)", recorded)).containsExactly("up");
        assertThat(namesRead("time() > bool 5", recorded)).isEmpty();
        for (String query : List.of("job:requests:rate5m > 1", "up and ALERTS", "ALERTS_FOR_STATE",
                "{job=\"api\"}", "{__name__=~\"up|down\"}", "info(up)")) {
            assertThat(namesRead(query, recorded)).as(query).isNull();
        }
    }

    private static Set<String> namesRead(String query, Set<String> recorded) {
        PromqlProfile profile = PromqlProfile.V3_14.withFeatures(Set.of("promql-experimental-functions"));
        return QueriesAhead.inputNamesRead(PromqlParser.parse(query, profile), recorded);
    }

    @Test
    void theLoopTakesTheResultsItWouldHaveComputed() throws Exception {
        Path rulesFile = dir.resolve("ahead.rules.yml");
        Files.writeString(rulesFile, """
                groups:
                  - name: records
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                      - record: job:up:doubled
                        expr: job:up:sum * 2
                      - record: up:rate
                        expr: rate(up[5m]) > 0 or up offset -2m
                  - name: alerts
                    query_offset: 1m
                    rules:
                      - alert: Down
                        expr: up == 0
                      - alert: Alerting
                        expr: count(ALERTS) > 0
                """);
        PromqlProfile profile = PromqlProfile.V3_14;
        RuleFile rules = RuleFileLoader.load(rulesFile, "ahead.rules.yml", profile, false);
        List<InputSeries> series = List.of(new InputSeries("up{job=\"a\"}", "1 0 1 _ 1+1x30 stale 0x20", 1),
                new InputSeries("up{job=\"b\"}", "0+2x60", 2));
        InputSeriesLoader input = InputSeriesLoader.of(series, 0, MINUTE, profile);
        MemoryStorage storage = new MemoryStorage();
        Querier querier = new Querier(storage, MINUTE, 0, profile);
        RuleEvaluation evaluation = new RuleEvaluation(rules.groups(), storage, querier,
                new AlertTemplateRenderer(Map.of(), ""));
        Map<RuleState, io.sloc.rules.RuleGroup> byRule = evaluation.rules();
        List<String> ahead = new ArrayList<>();
        try (QueriesAhead queries = QueriesAhead.start(byRule, input, querier,
                other -> new Querier(other, MINUTE, 0, profile), 0, 60 * MINUTE, MINUTE, 1)) {
            assertThat(queries).isNotNull();
            for (long ts = 0; ts <= 60 * MINUTE; ts += MINUTE) {
                input.loadUntil(storage, ts);
                for (Map.Entry<RuleState, io.sloc.rules.RuleGroup> e : byRule.entrySet()) {
                    List<Sample> fromAhead = queries.result(e.getKey(), ts);
                    if (fromAhead == null) {
                        continue;
                    }
                    if (ts == 0) {
                        ahead.add(e.getKey().rule().name());
                    }
                    List<Sample> direct = querier.query(e.getKey().query(querier), ts - e.getValue().queryOffsetMs());
                    assertThat(fromAhead).as(e.getKey().rule().name() + " at " + ts).isEqualTo(direct);
                }
                evaluation.evaluate(ts);
            }
        }
        assertThat(ahead).containsExactly("job:up:sum", "up:rate", "Down");
    }

    @Test
    void shortTestsRunNothingAhead() throws Exception {
        PromqlProfile profile = PromqlProfile.V2_42;
        Path rulesFile = dir.resolve("short.rules.yml");
        Files.writeString(rulesFile, "groups:\n  - name: g\n    rules:\n      - record: s\n        expr: sum(up)\n");
        RuleFile rules = RuleFileLoader.load(rulesFile, "short.rules.yml", profile, false);
        InputSeriesLoader input = InputSeriesLoader.of(List.of(new InputSeries("up", "1x100", 1)), 0, MINUTE,
                profile);
        MemoryStorage storage = new MemoryStorage();
        Querier querier = new Querier(storage, MINUTE, 0, profile);
        RuleEvaluation evaluation = new RuleEvaluation(rules.groups(), storage, querier,
                new AlertTemplateRenderer(Map.of(), ""));
        assertThat(QueriesAhead.start(evaluation.rules(), input, querier, other -> querier, 0, 100 * MINUTE, MINUTE,
                QueriesAhead.MIN_STEPS)).isNull();
    }
}
