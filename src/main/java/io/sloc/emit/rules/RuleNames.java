package io.sloc.emit.rules;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.model.BurnFactors;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.WindowText;
import java.time.Duration;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The naming contract of generated rules (documented in the README): Prometheus's {@code level:metric:operations}
 * with level {@code slo}, Sloth-compatible where Sloth has a name, and every series labelled with {@code service}
 * and {@code slo}. Dashboards and generated tests build their queries from these names.
 */
public final class RuleNames {
    public static final String OBJECTIVE = "slo:objective:ratio";
    public static final String ERROR_BUDGET = "slo:error_budget:ratio";
    public static final String PERIOD_DAYS = "slo:time_period:days";
    public static final String CURRENT_BURN_RATE = "slo:current_burn_rate:ratio";
    public static final String PERIOD_BURN_RATE = "slo:period_burn_rate:ratio";
    public static final String REMAINING_BUDGET = "slo:period_error_budget_remaining:ratio";
    /** Value 1, with the SLO's metadata as labels: objective, window, sli. */
    public static final String INFO = "sloc_slo_info";

    private RuleNames() {
    }

    /** Total events per second over a window, e.g. {@code slo:sli_total:rate5m}. */
    public static String totalRate(Duration window) {
        return "slo:sli_total:rate" + WindowText.of(window);
    }

    /** Bad events per second over a window, e.g. {@code slo:sli_error:rate5m}. */
    public static String badRate(Duration window) {
        return "slo:sli_error:rate" + WindowText.of(window);
    }

    /**
     * The base window's total rate sampled once per base window (by the period group), e.g.
     * {@code slo:sli_total:tiled_rate5m}: consecutive samples' windows tile time, so their average over the period
     * is the period's rate from a fraction of the samples.
     */
    public static String tiledTotalRate(Duration base) {
        return "slo:sli_total:tiled_rate" + WindowText.of(base);
    }

    /** The base window's bad-event rate sampled once per base window, e.g. {@code slo:sli_error:tiled_rate5m}. */
    public static String tiledBadRate(Duration base) {
        return "slo:sli_error:tiled_rate" + WindowText.of(base);
    }

    /** Bad ÷ total events over a window, e.g. {@code slo:sli_error:ratio_rate1h} (as Sloth names it). */
    public static String errorRatio(Duration window) {
        return "slo:sli_error:ratio_rate" + WindowText.of(window);
    }

    /** {@code sloc/<service>/slo/<slo>}. */
    public static String sloGroup(Service service, Slo slo) {
        return "sloc/" + service.name() + "/slo/" + slo.name();
    }

    /** {@code sloc/<service>/slo/<slo>/period}: the period's rules, evaluated once per base window. */
    public static String periodGroup(Service service, Slo slo) {
        return sloGroup(service, slo) + "/period";
    }

    /** {@code sloc/<service>/alerts}: the spec's plain alerting rules. */
    public static String alertGroup(Service service) {
        return "sloc/" + service.name() + "/alerts";
    }

    /**
     * Burn-rate alert name: the policy's {@code alert_name}, else {@code <Service><Slo>ErrorBudgetBurn} in
     * PascalCase, e.g. HatagoAvailabilityErrorBudgetBurn.
     */
    public static String burnAlert(Service service, Slo slo) {
        return slo.alerting().flatMap(BurnRatePolicy::alertName)
                .orElse(pascal(service.name()) + pascal(slo.name()) + "ErrorBudgetBurn");
    }

    /** Labels of every series recorded for an SLO: service labels, SLO labels, then {@code service} and {@code slo}. */
    public static SortedMap<String, String> sloLabels(Service service, Slo slo) {
        SortedMap<String, String> labels = new TreeMap<>(service.labels());
        labels.putAll(slo.labels());
        labels.put("service", service.name());
        labels.put("slo", slo.name());
        return labels;
    }

    /** The selector matchers that pick one SLO's recorded series: {@code {service="...", slo="..."}}. */
    public static String matcher(Service service, Slo slo) {
        return "{service=" + GoQuote.quote(service.name()) + ", slo=" + GoQuote.quote(slo.name()) + "}";
    }

    static SortedMap<String, String> infoLabels(SortedMap<String, String> metaLabels, Slo slo) {
        SortedMap<String, String> labels = new TreeMap<>(metaLabels);
        labels.put("objective", BurnFactors.text(slo.objective().percent()));
        labels.put("window", WindowText.of(slo.window()));
        labels.put("sli", slo.sli().kind());
        return labels;
    }

    private static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[-_]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
