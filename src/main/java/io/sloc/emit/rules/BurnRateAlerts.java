package io.sloc.emit.rules;

import io.sloc.model.BurnFactors;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.WindowText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The burn-rate alerts: a window pair holds while the error ratio over both its long and its short window is above
 * factor × error budget (and, with a minimum-traffic guard, the long window saw enough events). sloc's naming
 * gives each pair an alerting rule of its own; Sloth's gives each severity one rule that fires while any of its
 * pairs holds.
 */
public final class BurnRateAlerts {
    private BurnRateAlerts() {
    }

    /** The window pairs of each burn-rate alerting rule, in spec order. */
    public static List<List<BurnRateWindow>> rules(RuleNames names, BurnRatePolicy policy) {
        if (names == RuleNames.SLOC) {
            return policy.windows().stream().map(List::of).toList();
        }
        Map<List<Object>, List<BurnRateWindow>> bySeverity = new LinkedHashMap<>();
        for (BurnRateWindow window : policy.windows()) {
            bySeverity.computeIfAbsent(List.of(window.severity(), window.forDuration(), window.keepFiringFor(),
                    window.labels(), window.annotations()), key -> new ArrayList<>()).add(window);
        }
        return List.copyOf(bySeverity.values());
    }

    static List<GeneratedRule> alerts(RuleNames names, Service service, Slo slo, BurnRatePolicy policy) {
        List<List<BurnRateWindow>> rules = rules(names, policy);
        Map<String, Long> rulesPerSeverity = rules.stream()
                .collect(Collectors.groupingBy(pairs -> pairs.get(0).severity(), Collectors.counting()));
        String paging = pagingSeverity(policy);
        return rules.stream().<GeneratedRule>map(pairs -> names == RuleNames.SLOC
                ? pairAlert(service, slo, policy, pairs.get(0))
                : severityAlert(service, slo, policy, pairs, paging,
                        rulesPerSeverity.get(pairs.get(0).severity()) > 1))
                .toList();
    }

    /** Sloth's two kinds of alert: the severity of the fastest window (shortest long window) pages. */
    private static String pagingSeverity(BurnRatePolicy policy) {
        return policy.windows().stream().min(Comparator.comparing(BurnRateWindow::longWindow)).orElseThrow()
                .severity();
    }

    private static GeneratedRule.Alerting pairAlert(Service service, Slo slo, BurnRatePolicy policy,
                                                    BurnRateWindow window) {
        BigDecimal threshold = BurnFactors.threshold(window.factor(), slo.objective().errorBudget());
        SortedMap<String, String> labels = RuleNames.SLOC.sloLabels(service, slo);
        labels.putAll(window.labels());
        labels.put("severity", window.severity());
        labels.putAll(windowLabels(window));

        SortedMap<String, String> annotations = new TreeMap<>();
        annotations.put("summary", service.name() + " " + slo.name() + groupText(slo) + " is burning its error budget "
                + BurnFactors.text(window.factor()) + "x too fast");
        annotations.put("description", slo.description().map(d -> d + " ").orElse("") + "The error ratio over the "
                + "last " + WindowText.of(window.longWindow()) + " and " + WindowText.of(window.shortWindow())
                + " is above " + percent(threshold) + " (" + BurnFactors.text(window.factor()) + " x the "
                + percent(slo.objective().errorBudget()) + " error budget of a " + BurnFactors.text(
                slo.objective().percent()) + "% objective): at this rate " + percent(window.budgetShare())
                + " of the " + WindowText.of(slo.window()) + " error budget is gone in "
                + WindowText.of(window.longWindow()) + ".");
        slo.runbookUrl().ifPresent(url -> annotations.put("runbook_url", url));
        annotations.putAll(window.annotations());
        return new GeneratedRule.Alerting(RuleNames.burnAlert(service, slo),
                pairHolds(RuleNames.SLOC, service, slo, policy, window), window.forDuration(), window.keepFiringFor(),
                labels, annotations);
    }

    /**
     * Sloth's alert of one severity: its pairs or-ed, labelled {@code sloth_severity} {@code page} for the paging
     * severity and {@code ticket} for the others, Sloth's title and summary annotations. Where windows of one
     * severity differ in {@code for}, labels or annotations, each set has its own rule, told apart (an alert's
     * labels must differ between rules of the same name) by the {@code long_window} and {@code short_window} of
     * its first pair.
     */
    private static GeneratedRule.Alerting severityAlert(Service service, Slo slo, BurnRatePolicy policy,
                                                        List<BurnRateWindow> pairs, String paging,
                                                        boolean severityShared) {
        BurnRateWindow first = pairs.get(0);
        String expr = pairs.stream().map(window -> "(\n" + indent(pairHolds(RuleNames.SLOTH, service, slo, policy,
                window)) + "\n)").collect(Collectors.joining("\nor\n"));
        SortedMap<String, String> annotations = new TreeMap<>();
        String sloText = "{{$labels.sloth_service}} {{$labels.sloth_slo}}";
        String kind = first.severity().equals(paging) ? "page" : "ticket";
        annotations.put("title", "(" + kind + ") " + sloText + " SLO error budget burn rate is too fast.");
        annotations.put("summary", sloText + " SLO error budget burn rate is over expected.");
        slo.runbookUrl().ifPresent(url -> annotations.put("runbook_url", url));
        annotations.putAll(first.annotations());
        SortedMap<String, String> labels = new TreeMap<>(first.labels());
        labels.put("severity", first.severity());
        labels.put("sloth_severity", kind);
        if (severityShared) {
            labels.putAll(windowLabels(first));
        }
        return new GeneratedRule.Alerting(RuleNames.burnAlert(service, slo), expr, first.forDuration(),
                first.keepFiringFor(), labels, annotations);
    }

    private static Map<String, String> windowLabels(BurnRateWindow window) {
        return Map.of("long_window", WindowText.of(window.longWindow()),
                "short_window", WindowText.of(window.shortWindow()));
    }

    /** Both windows of the pair above the threshold, and the long one busy enough when the policy says so. */
    private static String pairHolds(RuleNames names, Service service, Slo slo, BurnRatePolicy policy,
                                    BurnRateWindow window) {
        String match = names.matcher(service, slo);
        String threshold = BurnFactors.text(BurnFactors.threshold(window.factor(), slo.objective().errorBudget()));
        StringBuilder expr = new StringBuilder()
                .append(names.acrossWindows(RuleNames.errorRatio(window.longWindow()) + match + " > " + threshold))
                .append("\nand\n")
                .append(names.acrossWindows(RuleNames.errorRatio(window.shortWindow()) + match + " > " + threshold));
        policy.minTraffic().ifPresent(min -> expr.append("\nand\n").append(names.acrossWindows(
                RuleNames.totalRate(window.longWindow()) + match + " >= " + BurnFactors.text(min))));
        return expr.toString();
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    /** For grouped SLOs, which group is burning: " (route={{ $labels.route }})". */
    private static String groupText(Slo slo) {
        if (slo.groupBy().isEmpty()) {
            return "";
        }
        return slo.groupBy().stream().map(l -> l + "={{ $labels." + l + " }}")
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String percent(BigDecimal ratio) {
        return BurnFactors.text(ratio.movePointRight(2)) + "%";
    }
}
