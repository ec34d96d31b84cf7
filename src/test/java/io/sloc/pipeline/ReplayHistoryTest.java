package io.sloc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.compiler.TestCompiles;
import io.sloc.diag.BadInputException;
import io.sloc.emit.report.Backtest;
import io.sloc.promql.PromqlProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history with one incident (half the requests failing for 30 minutes, after an hour of clean traffic, sampled
 * every minute) replayed through today's policy and a more sensitive proposal: both page about when the workbook
 * says, (1 - SLO) / error ratio x window x burn rate, the proposal first and with less budget spent.
 */
class ReplayHistoryTest {
    private static final String SPEC = """
            service shop {
              slo availability {
                objective 99%
                sli ratio {
                  errors `requests_total{code="500"}`
                  total  `requests_total`
                }
                alerting { window { budget BUDGET long 1h short 5m severity page } }
              }
            }
            """;
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path temp;

    /** {@code promtool tsdb dump} lines: 1000 requests a minute, 500 of them failing in minutes 60..89. */
    private Path dump() throws IOException {
        StringBuilder text = new StringBuilder();
        long ok = 0;
        long failed = 0;
        for (int minute = 0; minute <= 180; minute++) {
            text.append("{__name__=\"requests_total\", code=\"200\", job=\"shop\"} ").append(ok).append(' ')
                    .append(T0 + minute * 60_000L).append('\n');
            text.append("{__name__=\"requests_total\", code=\"500\", job=\"shop\"} ").append(failed).append(' ')
                    .append(T0 + minute * 60_000L).append('\n');
            boolean incident = minute >= 60 && minute < 90;
            ok += incident ? 500 : 1000;
            failed += incident ? 500 : 0;
        }
        return Files.writeString(temp.resolve("history.txt"), text);
    }

    @Test
    void bothPoliciesPageWhenTheWorkbookSaysTheProposalFirst() throws IOException {
        Backtest backtest = ReplayHistory.run(History.read(dump()), List.of(
                new ReplayHistory.Policy("current", TestCompiles.compile(SPEC.replace("BUDGET", "2%"))),
                new ReplayHistory.Policy("proposed", TestCompiles.compile(SPEC.replace("BUDGET", "1%")))),
                PromqlProfile.V3_14);
        assertThat(backtest.step()).isEqualTo(Duration.ofMinutes(1));
        Backtest.SloBacktest slo = backtest.slos().get(0);
        assertThat(slo.incidents()).hasSize(1);
        assertThat(slo.incidents().get(0).start().toEpochMilli() - T0).isBetween(60 * 60_000L, 61 * 60_000L);
        Backtest.Detection current = slo.outcomes().get(0).detections().get(0).orElseThrow();
        Backtest.Detection proposed = slo.outcomes().get(1).detections().get(0).orElseThrow();
        // 0.01 / 0.5 x 60m x 14.4 = 17.28m and x 7.2 = 8.64m, give or take the 5m base window and a step
        assertThat(current.timeToDetect().toSeconds()).isBetween((long) (17.28 * 60) - 360, (long) (17.28 * 60) + 360);
        assertThat(proposed.timeToDetect().toSeconds()).isBetween((long) (8.64 * 60) - 360, (long) (8.64 * 60) + 360);
        assertThat(proposed.budgetSpent()).isLessThan(current.budgetSpent()).isPositive();
        assertThat(slo.outcomes()).allSatisfy(outcome -> assertThat(outcome.pages()).isOne());
    }

    @Test
    void aMalformedSampleIsOneLocatedError() throws IOException {
        Path file = Files.writeString(temp.resolve("bad.txt"), "{__name__=\"up\"} 1 1000\nup 1 2000\n");
        assertThatThrownBy(() -> History.read(file)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.render()).startsWith(file + ":2:1").contains("tsdb dump"));
        Path json = Files.writeString(temp.resolve("vector.json"),
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        assertThatThrownBy(() -> History.read(json)).hasMessageContaining("resultType matrix");
    }
}
