package io.sloc.emit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.testsupport.PrometheusTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planner against hand-written rules that implement the workbook policy, run by the real promtool: the computed
 * expectations hold for correct rules and fail for rules with a planted fault.
 */
class AlertBehaviourTestsTest {
    private static final List<String> GROUPS = List.of("hatago-availability-sli", "hatago-availability-alerts");

    private static List<String> write(Path dir, SloUnderTest slo, String rules) throws Exception {
        Files.writeString(dir.resolve("hatago.yml"), rules);
        Path tests = Files.createDirectories(dir.resolve("tests"));
        List<String> written = new ArrayList<>();
        for (AlertBehaviourTests.TestFile file : AlertBehaviourTests.files(slo, PromqlProfile.V2_42, "hatago-availability",
                List.of("../hatago.yml"), GROUPS)) {
            Files.writeString(tests.resolve(file.path()), file.text());
            written.add("tests/" + file.path());
        }
        return written;
    }

    private static PrometheusTools.Result promtool(Path dir, List<String> files) {
        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString(), "test", "rules"));
        command.addAll(files);
        return PrometheusTools.run(dir, 300, command);
    }

    @ParameterizedTest(name = "chained = {0}")
    @ValueSource(booleans = {false, true})
    void theTestsOfCorrectRulesPass(boolean chained, @TempDir Path dir) throws Exception {
        List<String> files = write(dir, WorkbookFixture.slo(Duration.ofMinutes(2), Duration.ZERO, chained),
                WorkbookFixture.rules(true, "2m", "0s", "14.4", chained));
        assertThat(files).containsExactly("tests/hatago-availability.yml", "tests/hatago-availability-slow-burn.yml");
        String fast = Files.readString(dir.resolve(files.get(0)));
        assertThat(fast).contains("total outage", "twice the 1h/5m threshold 0.00720", "a 1x burn", "zero traffic");
        assertThat(Files.readString(dir.resolve(files.get(1)))).contains("1.5x the lowest ticket threshold 0.0005");
        PrometheusTools.Result result = promtool(dir, files);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    @Test
    void keepFiringForIsPartOfTheComputedResetTime(@TempDir Path dir) throws Exception {
        List<String> files = write(dir, WorkbookFixture.slo(Duration.ZERO, Duration.ofMinutes(10), true),
                WorkbookFixture.rules(true, "0s", "10m", "14.4", true));
        PrometheusTools.Result result = promtool(dir, files.subList(0, 1));
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        // The same expectations fail on rules that clear without keep_firing_for.
        Files.writeString(dir.resolve("hatago.yml"), WorkbookFixture.rules(true, "0s", "0s", "14.4", true));
        PrometheusTools.Result early = promtool(dir, files.subList(0, 1));
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.stderr()).contains("FAILED", "exp: {} 1E+00\n        got: {} 0E+00");
    }

    @Test
    void rulesWithoutTheZeroTrafficGuardFailTheZeroTrafficTest(@TempDir Path dir) throws Exception {
        List<String> files = write(dir, WorkbookFixture.slo(Duration.ofMinutes(2), Duration.ZERO, true),
                WorkbookFixture.rules(false, "2m", "0s", "14.4", true));
        PrometheusTools.Result result = promtool(dir, files.subList(0, 1));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("> -Inf < +Inf").doesNotContain("alertstate=");
    }

    @Test
    void aWrongFactorFailsTheDetectionTimeTest(@TempDir Path dir) throws Exception {
        List<String> files = write(dir, WorkbookFixture.slo(Duration.ofMinutes(2), Duration.ZERO, true),
                WorkbookFixture.rules(true, "2m", "0s", "13.4", true));
        PrometheusTools.Result result = promtool(dir, files.subList(0, 1));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("severity=\\\"page\\\"");
    }

    @Test
    void sloThatCannotBeTestedGetsNoFilesAndAReason() {
        SloUnderTest base = WorkbookFixture.slo(Duration.ZERO, Duration.ZERO, true);
        SloUnderTest seconds = new SloUnderTest(base.name(), base.identity(), base.alertName(), base.groupLabels(),
                base.sli(), base.errorBudget(), base.minTrafficPerSecond(),
                new AlertTimeline.Shape(Duration.ofSeconds(10), base.shape().inputs()), base.remainingBudget(),
                base.alerts());
        assertThat(AlertBehaviourTests.unsupportedReason(seconds, PromqlProfile.V2_42)).hasValueSatisfying(r ->
                assertThat(r).contains("whole minutes"));
        assertThat(AlertBehaviourTests.files(seconds, PromqlProfile.V2_42, "x", List.of("r.yml"), List.of())).isEmpty();
        assertThat(AlertBehaviourTests.unsupportedReason(base, PromqlProfile.V2_42)).isEmpty();
    }

    /** rate() over a 1m window sampled every minute: 2.42's closed window holds two samples, 3's left-open one. */
    @Test
    void aBaseWindowOfOneStepCannotBeTestedForPrometheus3() {
        SloUnderTest base = WorkbookFixture.slo(Duration.ZERO, Duration.ZERO, true);
        SloUnderTest minute = new SloUnderTest(base.name(), base.identity(), base.alertName(), base.groupLabels(),
                base.sli(), base.errorBudget(), base.minTrafficPerSecond(),
                new AlertTimeline.Shape(Duration.ofMinutes(1), base.shape().inputs()), base.remainingBudget(),
                base.alerts());
        assertThat(AlertBehaviourTests.unsupportedReason(minute, PromqlProfile.V2_42)).isEmpty();
        assertThat(AlertBehaviourTests.unsupportedReason(minute, PromqlProfile.V3_14)).hasValue(
                "its 1m window holds a single sample every 1m in Prometheus 3.14, too few for rate()");
        assertThat(AlertBehaviourTests.files(minute, PromqlProfile.V3_14, "x", List.of("r.yml"), List.of())).isEmpty();
    }

    /** The slow-burn file evaluates every 5m, unless the 5m base window would then hold a single sample. */
    @Test
    void theSlowBurnFileHalvesItsStepWhereA5mRateWouldHaveOneSample() {
        SloUnderTest slo = WorkbookFixture.slo(Duration.ofMinutes(2), Duration.ZERO, true);
        for (PromqlProfile profile : List.of(PromqlProfile.V2_42, PromqlProfile.V3_14)) {
            List<AlertBehaviourTests.TestFile> files = AlertBehaviourTests.files(slo, profile, "h", List.of("r.yml"),
                    List.of());
            assertThat(files).extracting(AlertBehaviourTests.TestFile::path).containsExactly("h.yml", "h-slow-burn.yml");
            assertThat(files.get(1).text()).contains(profile.isPrometheus3()
                    ? "evaluation_interval: 2m30s" : "evaluation_interval: 5m");
            assertThat(files.get(0).text()).contains("evaluation_interval: 1m",
                    "computed for " + profile + "'s range windows");
        }
    }
}
