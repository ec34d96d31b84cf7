package io.sloc.emit.rules;

import io.sloc.model.BurnFactors;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.WindowText;
import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One alerting rule per burn-rate window pair: the error ratio over both the long and the short window is above
 * factor × error budget (and, with a minimum-traffic guard, the long window saw enough events).
 */
final class BurnRateAlerts {
    private BurnRateAlerts() {
    }

    static GeneratedRule.Alerting alert(Service service, Slo slo, BurnRatePolicy policy, BurnRateWindow window) {
        String match = RuleNames.matcher(service, slo);
        BigDecimal threshold = BurnFactors.threshold(window.factor(), slo.objective().errorBudget());
        String thresholdText = BurnFactors.text(threshold);
        StringBuilder expr = new StringBuilder()
                .append(RuleNames.errorRatio(window.longWindow())).append(match).append(" > ").append(thresholdText)
                .append("\nand\n")
                .append(RuleNames.errorRatio(window.shortWindow())).append(match).append(" > ").append(thresholdText);
        policy.minTraffic().ifPresent(min -> expr.append("\nand\n").append(RuleNames.totalRate(window.longWindow()))
                .append(match).append(" >= ").append(BurnFactors.text(min)));

        SortedMap<String, String> labels = RuleNames.sloLabels(service, slo);
        labels.putAll(window.labels());
        labels.put("severity", window.severity());
        labels.put("long_window", WindowText.of(window.longWindow()));
        labels.put("short_window", WindowText.of(window.shortWindow()));

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
        return new GeneratedRule.Alerting(RuleNames.burnAlert(service, slo), expr.toString(), window.forDuration(),
                window.keepFiringFor(), labels, annotations);
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
