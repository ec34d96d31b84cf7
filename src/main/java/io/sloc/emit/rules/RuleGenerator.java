package io.sloc.emit.rules;

import io.sloc.model.AlertRule;
import io.sloc.model.BurnFactors;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.WindowText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Model → Prometheus rules, one file per service: a group per SLO ({@link RuleNames#sloGroup}) holding its
 * recording rules in dependency order followed by its burn-rate alerts, then a group with the plain alerts.
 *
 * <p>Per SLO, bad and total events per second are recorded over the base window (the policy's shortest, at most
 * 5m) straight from the SLI's series; every longer window averages those recorded rates, so each window's error
 * ratio is traffic-weighted (total bad events over total events), never an average of ratios. A window's ratio
 * only exists while it saw traffic ({@code total > 0}): zero traffic records no NaN, raises no alert, and leaves
 * the period budget alone.
 */
public final class RuleGenerator {
    /** The rate window of the SLI when the policy has no shorter window (or no policy at all). */
    private static final Duration LONGEST_BASE_WINDOW = Duration.ofMinutes(5);

    private RuleGenerator() {
    }

    public static GeneratedRuleFile generate(Service service) {
        List<GeneratedRuleGroup> groups = new ArrayList<>();
        for (Slo slo : service.slos()) {
            groups.add(new GeneratedRuleGroup(RuleNames.sloGroup(service, slo), sloRules(service, slo)));
        }
        if (!service.alerts().isEmpty()) {
            groups.add(new GeneratedRuleGroup(RuleNames.alertGroup(service),
                    service.alerts().stream().map(RuleGenerator::plainAlert).toList()));
        }
        return new GeneratedRuleFile(groups);
    }

    /** The windows an SLO records, shortest (the base window) first; always includes the period. */
    public static List<Duration> windows(Slo slo) {
        TreeSet<Duration> windows = new TreeSet<>();
        windows.add(baseWindow(slo));
        slo.alerting().ifPresent(policy -> policy.windows().forEach(w -> {
            windows.add(w.shortWindow());
            windows.add(w.longWindow());
        }));
        windows.add(slo.window());
        return List.copyOf(windows);
    }

    /** The window recorded straight from the SLI's series: the policy's shortest window, but at most 5m. */
    public static Duration baseWindow(Slo slo) {
        Duration base = LONGEST_BASE_WINDOW;
        for (BurnRateWindow w : slo.alerting().map(BurnRatePolicy::windows).orElse(List.of())) {
            base = w.shortWindow().compareTo(base) < 0 ? w.shortWindow() : base;
        }
        return base.compareTo(slo.window()) < 0 ? base : slo.window();
    }

    private static List<GeneratedRule> sloRules(Service service, Slo slo) {
        SortedMap<String, String> labels = RuleNames.sloLabels(service, slo);
        String match = RuleNames.matcher(service, slo);
        SliQueries sli = new SliQueries(slo.sli(), slo.groupBy());
        Duration base = baseWindow(slo);
        String budget = BurnFactors.text(slo.objective().errorBudget());
        List<GeneratedRule> rules = new ArrayList<>();
        rules.add(new GeneratedRule.Recording(RuleNames.totalRate(base), sli.total(base), labels));
        rules.add(new GeneratedRule.Recording(RuleNames.badRate(base), sli.bad(base), labels));
        for (Duration window : windows(slo)) {
            if (!window.equals(base)) {
                String range = "[" + WindowText.of(window) + "]";
                rules.add(new GeneratedRule.Recording(RuleNames.totalRate(window),
                        "avg_over_time(" + RuleNames.totalRate(base) + match + range + ")", labels));
                rules.add(new GeneratedRule.Recording(RuleNames.badRate(window),
                        "avg_over_time(" + RuleNames.badRate(base) + match + range + ")", labels));
            }
            rules.add(new GeneratedRule.Recording(RuleNames.errorRatio(window), RuleNames.badRate(window) + match
                    + "\n/\n(" + RuleNames.totalRate(window) + match + " > 0)", labels));
        }
        SortedMap<String, String> metaLabels = new TreeMap<>(labels);
        slo.groupBy().forEach(metaLabels::remove);
        rules.add(new GeneratedRule.Recording(RuleNames.OBJECTIVE, "vector(" + BurnFactors.text(slo.objective().ratio()) + ")",
                metaLabels));
        rules.add(new GeneratedRule.Recording(RuleNames.ERROR_BUDGET, "vector(" + budget + ")", metaLabels));
        rules.add(new GeneratedRule.Recording(RuleNames.PERIOD_DAYS, "vector(" + BurnFactors.text(days(slo.window())) + ")",
                metaLabels));
        rules.add(new GeneratedRule.Recording(RuleNames.CURRENT_BURN_RATE,
                RuleNames.errorRatio(base) + match + " / " + budget, labels));
        rules.add(new GeneratedRule.Recording(RuleNames.PERIOD_BURN_RATE,
                RuleNames.errorRatio(slo.window()) + match + " / " + budget, labels));
        // A period without traffic spent nothing: the remaining budget is then 1, not absent.
        rules.add(new GeneratedRule.Recording(RuleNames.REMAINING_BUDGET, "1 - (\n  " + RuleNames.PERIOD_BURN_RATE + match
                + "\n  or\n  0 * " + RuleNames.totalRate(slo.window()) + match + "\n)", labels));
        rules.add(new GeneratedRule.Recording(RuleNames.INFO, "vector(1)", RuleNames.infoLabels(metaLabels, slo)));
        slo.alerting().ifPresent(policy -> policy.windows()
                .forEach(window -> rules.add(BurnRateAlerts.alert(service, slo, policy, window))));
        return rules;
    }

    private static BigDecimal days(Duration period) {
        return BigDecimal.valueOf(period.toMillis()).divide(BigDecimal.valueOf(Duration.ofDays(1).toMillis()),
                MathContext.DECIMAL64);
    }

    private static GeneratedRule plainAlert(AlertRule alert) {
        return new GeneratedRule.Alerting(alert.name(), alert.expr().text(), alert.forDuration(), alert.keepFiringFor(),
                alert.labels(), alert.annotations());
    }
}
