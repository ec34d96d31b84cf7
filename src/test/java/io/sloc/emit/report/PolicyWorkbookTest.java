package io.sloc.emit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.TestCompiles;
import io.sloc.emit.behaviour.AlertTestEmitter;
import io.sloc.emit.behaviour.SloUnderTest;
import io.sloc.emit.rules.RuleNames;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workbook table of the SRE workbook's own example policy (99.9% over 30d; 2% of the budget in 1h, 5% in 6h,
 * 10% in 3d) agrees with the workbook's detection time, (1 - SLO) / error ratio x alert window x burn rate, within
 * one evaluation step plus the 5m base window the rules rate over: an alert fires about then when that time fits
 * in its long window, and never when it does not; the budget spent by the first page is that alert's share.
 */
class PolicyWorkbookTest {
    private static final String SPEC = """
            policy workbook-example {
              window { budget 2%  long 1h short 5m  severity page }
              window { budget 5%  long 6h short 30m severity page }
              window { budget 10% long 3d short 6h  severity ticket }
            }
            service shop {
              slo availability {
                objective 99.9%
                window 30d
                sli ratio {
                  errors `http_requests_total{code=~"5.."}`
                  total  `http_requests_total`
                }
                alerting workbook-example
              }
            }
            """;
    private static final Duration TOLERANCE = PolicyWorkbook.STEP.plus(Duration.ofMinutes(5));

    @ParameterizedTest(name = "Prometheus {0}")
    @ValueSource(strings = {"2.42", "3.14"})
    void detectionTimesFollowTheWorkbookFormulaAt10xAnd1000x(String version) {
        CompileSpecs.Result result = TestCompiles.compile(SPEC);
        Service service = TestCompiles.service(result, "shop");
        Slo slo = TestCompiles.slo(result, "availability");
        SloUnderTest underTest = AlertTestEmitter.underTest(RuleNames.SLOC, service, slo);
        PolicyWorkbook workbook = PolicyWorkbook.of(underTest, slo.window(), PromqlProfile.forName(version));
        List<BurnRateWindow> windows = slo.alerting().orElseThrow().windows();
        int fired = 0;
        for (int multiple : new int[] {10, 1000}) {
            PolicyWorkbook.Row row = row(workbook, multiple);
            Duration firstPage = null;
            for (int i = 0; i < windows.size(); i++) {
                BurnRateWindow window = windows.get(i);
                BigDecimal minutes = slo.objective().errorBudget().divide(row.errorRatio(), MathContext.DECIMAL64)
                        .multiply(BigDecimal.valueOf(window.longWindow().toMinutes())).multiply(window.factor());
                PolicyWorkbook.Cell cell = row.cells().get(i);
                if (minutes.compareTo(BigDecimal.valueOf(window.longWindow().toMinutes())) > 0) {
                    assertThat(cell).as("%sx, %s", multiple, window.longWindow()).isInstanceOf(PolicyWorkbook.Silent.class);
                    continue;
                }
                assertThat(cell).as("%sx, %s", multiple, window.longWindow()).isInstanceOf(PolicyWorkbook.Fires.class);
                Duration detection = ((PolicyWorkbook.Fires) cell).detection();
                double seconds = minutes.doubleValue() * 60;
                assertThat((double) detection.toSeconds()).as("%sx, %s", multiple, window.longWindow())
                        .isBetween(seconds - TOLERANCE.toSeconds(), seconds + TOLERANCE.toSeconds());
                fired++;
                if (window.severity().equals("page") && (firstPage == null || detection.compareTo(firstPage) < 0)) {
                    firstPage = detection;
                }
            }
            assertThat(row.firstPage()).contains(firstPage);
            BigDecimal share = pagingShare(workbook, windows, row);
            double slack = multiple * (double) TOLERANCE.toSeconds() / slo.window().toSeconds();
            assertThat(row.budgetSpentBeforePage().orElseThrow().doubleValue()).as("budget spent at %sx", multiple)
                    .isBetween(share.doubleValue() - slack, share.doubleValue() + slack);
        }
        assertThat(fired).as("alerts that fire at 10x (6h, 3d) and 1000x (all three)").isEqualTo(5);
    }

    /** The budget share of the page alert that fires first: what the workbook says it has spent. */
    private static BigDecimal pagingShare(PolicyWorkbook workbook, List<BurnRateWindow> windows,
                                          PolicyWorkbook.Row row) {
        for (int i = 0; i < windows.size(); i++) {
            if (row.cells().get(i) instanceof PolicyWorkbook.Fires fires
                    && fires.detection().equals(row.firstPage().orElseThrow())
                    && workbook.slo().alerts().get(i).severity().equals(workbook.pageSeverity())) {
                return windows.get(i).budgetShare();
            }
        }
        throw new AssertionError("no page alert fired first");
    }

    private static PolicyWorkbook.Row row(PolicyWorkbook workbook, int multiple) {
        return workbook.rows().stream().filter(r -> r.multiple().compareTo(BigDecimal.valueOf(multiple)) == 0)
                .findFirst().orElseThrow(() -> new AssertionError("no " + multiple + "x row"));
    }

    /** A sustained ratio equal to a threshold (1x against the 3d alert's 1x) is not above it: no alert. */
    @ParameterizedTest(name = "Prometheus {0}")
    @ValueSource(strings = {"3.14"})
    void aRatioOnTheThresholdDoesNotFire(String version) {
        CompileSpecs.Result result = TestCompiles.compile(SPEC);
        Slo slo = TestCompiles.slo(result, "availability");
        PolicyWorkbook workbook = PolicyWorkbook.of(AlertTestEmitter.underTest(RuleNames.SLOC, TestCompiles.service(result, "shop"),
                slo), slo.window(), PromqlProfile.forName(version));
        PolicyWorkbook.Row once = row(workbook, 1);
        assertThat(once.cells()).containsOnly(new PolicyWorkbook.Silent());
        assertThat(once.firstPage()).isEmpty();
    }
}
