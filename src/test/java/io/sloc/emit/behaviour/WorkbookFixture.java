package io.sloc.emit.behaviour;

import io.sloc.diag.SourceLocation;
import io.sloc.model.PromqlQuery;
import io.sloc.model.Sli;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.PositionRange;
import io.sloc.promql.ast.VectorSelector;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written stand-in for compiled rules: the SRE workbook policy on a 99.95% availability SLO, recorded as
 * guarded ratios of rates. Tests of the planner run promtool on it, independent of the compiler.
 */
public final class WorkbookFixture {
    static final String[][] WINDOWS = {{"1h", "5m", "14.4", "page"}, {"6h", "30m", "6", "page"},
            {"1d", "2h", "3", "ticket"}, {"3d", "6h", "1", "ticket"}};
    static final BigDecimal BUDGET = new BigDecimal("0.0005");

    private WorkbookFixture() {
    }

    public static VectorSelector selector(String name, LabelMatcher... matchers) {
        List<LabelMatcher> all = new ArrayList<>(List.of(new LabelMatcher(LabelMatcher.Type.EQUAL, "__name__", name)));
        all.addAll(List.of(matchers));
        return new VectorSelector(name, all, 0, null, new PositionRange(0, 0));
    }

    public static PromqlQuery query(VectorSelector selector) {
        return new PromqlQuery(selector.name(), selector, new SourceLocation("test.slo", 1, 1));
    }

    public static Sli.Ratio availability() {
        return new Sli.Ratio(query(selector("hatago_requests_total",
                new LabelMatcher(LabelMatcher.Type.REGEX, "code", "5.."))), true,
                query(selector("hatago_requests_total")));
    }

    /** {@code pageHold} is the page alerts' {@code for}; tickets have none, as in {@link #rules}. */
    static SloUnderTest slo(Duration pageHold, Duration keepFiringFor, boolean chained) {
        List<SloUnderTest.Alert> alerts = new ArrayList<>();
        for (String[] w : WINDOWS) {
            alerts.add(new SloUnderTest.Alert(w[3], List.of(new AlertTimeline.Pair(duration(w[0]), duration(w[1]),
                    new BigDecimal(w[2]).multiply(BUDGET), BigDecimal.ZERO)), w[3].equals("page") ? pageHold : Duration.ZERO,
                    keepFiringFor));
        }
        return new SloUnderTest("hatago/availability", Map.of("service", "hatago", "slo", "availability"),
                "HatagoAvailabilityBurn", Set.of(),
                availability(), BUDGET, BigDecimal.ZERO,
                new AlertTimeline.Shape(chained ? Duration.ofMinutes(5) : null, AlertTimeline.Inputs.BAD_AND_GOOD),
                "slo:period_error_budget_remaining:ratio", alerts);
    }

    /**
     * The rules; {@code guarded} divides by {@code (total > 0)} so zero traffic records nothing instead of NaN;
     * {@code fastFactor} replaces the 1h/5m pair's 14.4 (to plant a wrong factor); {@code chained} records 5m
     * rates and averages them over longer windows, as sloc's generator does, instead of rating each window directly.
     */
    static String rules(boolean guarded, String pageFor, String pageKeepFiringFor, String fastFactor,
                        boolean chained) {
        StringBuilder out = new StringBuilder("groups:\n  - name: hatago-availability-sli\n    rules:\n");
        String labels = "        labels: {service: hatago, slo: availability}\n";
        for (String window : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d")) {
            String bad = "sum(rate(hatago_requests_total{code=~\"5..\"}[" + window + "]))";
            String total = "sum(rate(hatago_requests_total[" + window + "]))";
            if (chained && !window.equals("5m")) {
                String sel = "{service=\"hatago\",slo=\"availability\"}[" + window + "]";
                bad = "avg_over_time(slo:sli_error:rate5m" + sel + ")";
                total = "avg_over_time(slo:sli_total:rate5m" + sel + ")";
            }
            out.append("      - record: slo:sli_error:rate").append(window).append("\n        expr: '")
                    .append(bad).append("'\n").append(labels)
                    .append("      - record: slo:sli_total:rate").append(window).append("\n        expr: '")
                    .append(total).append("'\n").append(labels);
            bad = "slo:sli_error:rate" + window;
            total = "slo:sli_total:rate" + window;
            out.append("      - record: slo:sli_error:ratio_rate").append(window).append('\n')
                    .append("        expr: '").append(bad).append(" / ").append(guarded ? "(" + total + " > 0)" : total)
                    .append("'\n").append(labels);
        }
        out.append("      - record: slo:period_error_budget_remaining:ratio\n")
                .append("        expr: '1 - (slo:sli_error:ratio_rate3d / 0.0005 or 0 * slo:sli_total:rate3d)'\n")
                .append(labels);
        out.append("  - name: hatago-availability-alerts\n    rules:\n");
        for (String[] w : WINDOWS) {
            String factor = w[0].equals("1h") ? fastFactor : w[2];
            String threshold = new BigDecimal(factor).multiply(BUDGET).toPlainString();
            out.append("      - alert: HatagoAvailabilityBurn\n")
                    .append("        expr: slo:sli_error:ratio_rate").append(w[0]).append(" > ").append(threshold)
                    .append(" and slo:sli_error:ratio_rate").append(w[1]).append(" > ").append(threshold).append('\n')
                    .append("        for: ").append(w[3].equals("page") ? pageFor : "0s").append('\n')
                    .append("        keep_firing_for: ").append(w[3].equals("page") ? pageKeepFiringFor : "0s")
                    .append('\n')
                    .append("        labels: {severity: ").append(w[3]).append(", long_window: ").append(w[0])
                    .append("}\n");
        }
        return out.toString();
    }

    static Duration duration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
