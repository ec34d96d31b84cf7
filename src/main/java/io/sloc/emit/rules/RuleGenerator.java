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
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Model → Prometheus rules, one file per service: per SLO a group ({@link RuleNames#sloGroup}) with the rules its
 * alerts read, in dependency order, followed by its burn-rate alerts, and a group evaluated once per base window
 * ({@link RuleNames#periodGroup}) with the period's rules, which only dashboards read; then a group with the plain
 * recording rules and one with the plain alerts.
 *
 * <p>Per SLO, bad and total events per second are recorded over the base window (the policy's shortest, at most
 * 5m) straight from the SLI's series; every longer window averages those recorded rates, so each window's error
 * ratio is traffic-weighted (total bad events over total events), never an average of ratios. A window's ratio
 * only exists while it saw traffic ({@code total > 0}): zero traffic records no NaN, raises no alert, and leaves
 * the period budget alone. Only what something reads is recorded: the longer windows' rates are averaged inside
 * their ratio, except a total rate an alert's minimum-traffic guard or the remaining budget reads.
 *
 * <p>The period is the costly window (30d of base rates at every evaluation). When no alert reads it, its group
 * samples the base rates once per base window (consecutive samples then tile time) and averages those: a tenth of
 * the samples at a 30s evaluation interval, read a tenth as often. Prometheus's unit tests evaluate every group at
 * every step, so the behaviour tests see the same alerts either way.
 */
public final class RuleGenerator {
    /** The rate window of the SLI when the policy has no shorter window (or no policy at all). */
    private static final Duration LONGEST_BASE_WINDOW = Duration.ofMinutes(5);

    private RuleGenerator() {
    }

    /** The rules of {@code service}, named as {@code names} says. */
    public static GeneratedRuleFile generate(RuleNames names, Service service) {
        List<GeneratedRuleGroup> groups = new ArrayList<>();
        for (Slo slo : service.slos()) {
            groups.addAll(new SloRules(names, service, slo).groups());
        }
        if (!service.records().isEmpty()) {
            groups.add(new GeneratedRuleGroup(RuleNames.recordGroup(service), service.records().stream()
                    .map(r -> (GeneratedRule) new GeneratedRule.Recording(r.name(), r.expr().text(), new TreeMap<>()))
                    .toList()));
        }
        if (!service.alerts().isEmpty()) {
            groups.add(new GeneratedRuleGroup(RuleNames.alertGroup(service),
                    service.alerts().stream().map(RuleGenerator::plainAlert).toList()));
        }
        return new GeneratedRuleFile(groups);
    }

    /** The windows an SLO's error ratio is recorded for, shortest (the base window) first; always includes the
     *  period. */
    public static List<Duration> windows(Slo slo) {
        TreeSet<Duration> windows = new TreeSet<>(alertWindows(slo));
        windows.add(baseWindow(slo));
        windows.add(slo.window());
        return List.copyOf(windows);
    }

    /** The short and long windows of the SLO's burn-rate alerts. */
    private static Set<Duration> alertWindows(Slo slo) {
        Set<Duration> windows = new TreeSet<>();
        slo.alerting().ifPresent(policy -> policy.windows().forEach(w -> {
            windows.add(w.shortWindow());
            windows.add(w.longWindow());
        }));
        return windows;
    }

    /** The window recorded straight from the SLI's series: the policy's shortest window, but at most 5m. */
    public static Duration baseWindow(Slo slo) {
        Duration base = LONGEST_BASE_WINDOW;
        for (BurnRateWindow w : slo.alerting().map(BurnRatePolicy::windows).orElse(List.of())) {
            base = w.shortWindow().compareTo(base) < 0 ? w.shortWindow() : base;
        }
        return base.compareTo(slo.window()) < 0 ? base : slo.window();
    }

    /** One SLO's rules. */
    private static final class SloRules {
        private final RuleNames names;
        private final Service service;
        private final Slo slo;
        private final SortedMap<String, String> labels;
        private final String match;
        private final Duration base;
        /** Windows whose total rate is read by more than their own ratio. */
        private final Set<Duration> recordedTotals = new TreeSet<>();

        SloRules(RuleNames names, Service service, Slo slo) {
            this.names = names;
            this.service = service;
            this.slo = slo;
            this.labels = names.sloLabels(service, slo);
            this.match = names.matcher(service, slo);
            this.base = baseWindow(slo);
            slo.alerting().filter(policy -> policy.minTraffic().isPresent()).ifPresent(policy -> policy.windows()
                    .forEach(w -> recordedTotals.add(w.longWindow())));
            recordedTotals.add(slo.window());
        }

        List<GeneratedRuleGroup> groups() {
            Set<Duration> alertWindows = alertWindows(slo);
            boolean periodApart = !alertWindows.contains(slo.window()) && !slo.window().equals(base);
            List<GeneratedRule> rules = new ArrayList<>();
            SliQueries sli = new SliQueries(slo.sli(), slo.groupBy());
            rules.add(windowed(RuleNames.totalRate(base), base, sli.total(base)));
            rules.add(windowed(RuleNames.badRate(base), base, sli.bad(base, RuleNames.totalRate(base) + match)));
            rules.add(windowed(RuleNames.errorRatio(base), base, RuleNames.badRate(base) + match + "\n/\n("
                    + RuleNames.totalRate(base) + match + " > 0)"));
            rules.add(recording(RuleNames.CURRENT_BURN_RATE, RuleNames.errorRatio(base) + match + " / " + budget()));
            for (Duration window : alertWindows) {
                if (!window.equals(base)) {
                    rules.addAll(averaged(window, RuleNames.badRate(base), RuleNames.totalRate(base)));
                }
            }
            List<GeneratedRule> alerts = slo.alerting()
                    .map(policy -> BurnRateAlerts.alerts(names, service, slo, policy)).orElse(List.of());
            if (!periodApart) {
                rules.addAll(periodRules());
                rules.addAll(alerts);
                return List.of(new GeneratedRuleGroup(RuleNames.sloGroup(service, slo), rules));
            }
            rules.addAll(alerts);
            List<GeneratedRule> period = new ArrayList<>();
            period.add(windowed(RuleNames.tiledTotalRate(base), base, RuleNames.totalRate(base) + match));
            period.add(windowed(RuleNames.tiledBadRate(base), base, RuleNames.badRate(base) + match));
            period.addAll(averaged(slo.window(), RuleNames.tiledBadRate(base), RuleNames.tiledTotalRate(base)));
            period.addAll(periodRules());
            return List.of(new GeneratedRuleGroup(RuleNames.sloGroup(service, slo), rules),
                    new GeneratedRuleGroup(RuleNames.periodGroup(service, slo), base, period));
        }

        /**
         * The error ratio over {@code window} from the averages of the recorded {@code bad} and {@code total}
         * rates, and the total rate as a rule of its own where something else reads it.
         */
        private List<GeneratedRule> averaged(Duration window, String bad, String total) {
            String range = "[" + WindowText.of(window) + "]";
            String totalRate = "avg_over_time(" + total + match + range + ")";
            String divide = "\n/\n";
            List<GeneratedRule> rules = new ArrayList<>();
            if (recordedTotals.contains(window)) {
                rules.add(windowed(RuleNames.totalRate(window), window, totalRate));
                totalRate = RuleNames.totalRate(window) + match;
                divide = "\n/" + names.ignoringWindow() + "\n";
            }
            rules.add(windowed(RuleNames.errorRatio(window), window, "avg_over_time(" + bad + match + range + ")"
                    + divide + "(" + totalRate + " > 0)"));
            return rules;
        }

        /** The SLO's metadata, and its burn rate and remaining budget over the period. */
        private List<GeneratedRule> periodRules() {
            SortedMap<String, String> metaLabels = new TreeMap<>(labels);
            slo.groupBy().forEach(metaLabels::remove);
            List<GeneratedRule> rules = new ArrayList<>();
            rules.add(new GeneratedRule.Recording(RuleNames.OBJECTIVE,
                    "vector(" + BurnFactors.text(slo.objective().ratio()) + ")", metaLabels));
            rules.add(new GeneratedRule.Recording(RuleNames.ERROR_BUDGET, "vector(" + budget() + ")", metaLabels));
            rules.add(new GeneratedRule.Recording(RuleNames.PERIOD_DAYS,
                    "vector(" + BurnFactors.text(days(slo.window())) + ")", metaLabels));
            rules.add(recording(RuleNames.PERIOD_BURN_RATE,
                    RuleNames.errorRatio(slo.window()) + match + " / " + budget()));
            // A period without traffic spent nothing: the remaining budget is then 1, not absent.
            rules.add(recording(RuleNames.REMAINING_BUDGET, "1 - (\n  " + RuleNames.PERIOD_BURN_RATE + match
                    + "\n  or\n  0 * " + RuleNames.totalRate(slo.window()) + match + "\n)"));
            rules.add(new GeneratedRule.Recording(names.info(), "vector(1)", names.infoLabels(metaLabels, slo)));
            return rules;
        }

        private GeneratedRule.Recording recording(String name, String expr) {
            return new GeneratedRule.Recording(name, expr, labels);
        }

        /** A series over {@code window}, labelled with it where the naming says so. */
        private GeneratedRule.Recording windowed(String name, Duration window, String expr) {
            SortedMap<String, String> windowedLabels = new TreeMap<>(labels);
            windowedLabels.putAll(names.windowLabels(window));
            return new GeneratedRule.Recording(name, expr, windowedLabels);
        }

        private String budget() {
            return BurnFactors.text(slo.objective().errorBudget());
        }
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
