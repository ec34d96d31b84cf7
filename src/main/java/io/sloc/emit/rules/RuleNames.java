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
import java.util.stream.Collectors;

/**
 * The naming contract of generated rules (documented in the README): Prometheus's {@code level:metric:operations}
 * with level {@code slo}, Sloth's names where Sloth has one. Dashboards and generated tests build their queries
 * from these names. Two namings differ in the labels that identify an SLO and in the info series:
 * <ul>
 *   <li>{@link #SLOC}: {@code service} and {@code slo} labels, {@code sloc_slo_info}, one alert per window
 *   pair;</li>
 *   <li>{@link #SLOTH}: Sloth's {@code sloth_id}, {@code sloth_service}, {@code sloth_slo} labels, a
 *   {@code sloth_window} label on every windowed series, {@code sloth_slo_info}, and one alert per severity
 *   labelled {@code sloth_severity} ({@link BurnRateAlerts}), so that dashboards built on Sloth's output read
 *   sloc's rules.</li>
 * </ul>
 */
public enum RuleNames {
    SLOC("service", "slo", "sloc_slo_info"),
    SLOTH("sloth_service", "sloth_slo", "sloth_slo_info");

    public static final String OBJECTIVE = "slo:objective:ratio";
    public static final String ERROR_BUDGET = "slo:error_budget:ratio";
    public static final String PERIOD_DAYS = "slo:time_period:days";
    public static final String CURRENT_BURN_RATE = "slo:current_burn_rate:ratio";
    public static final String PERIOD_BURN_RATE = "slo:period_burn_rate:ratio";
    public static final String REMAINING_BUDGET = "slo:period_error_budget_remaining:ratio";
    private static final String SLOTH_ID = "sloth_id";
    private static final String SLOTH_WINDOW = "sloth_window";

    private final String serviceLabel;
    private final String sloLabel;
    private final String info;

    RuleNames(String serviceLabel, String sloLabel, String info) {
        this.serviceLabel = serviceLabel;
        this.sloLabel = sloLabel;
        this.info = info;
    }

    /** The naming called {@code name} on the command line ("sloc", "sloth"), or null. */
    public static RuleNames forName(String name) {
        for (RuleNames naming : values()) {
            if (naming.optionName().equals(name)) {
                return naming;
            }
        }
        return null;
    }

    /** "sloc" or "sloth". */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label whose value is the service's name. */
    public String serviceLabel() {
        return serviceLabel;
    }

    /** The label whose value is the SLO's name. */
    public String sloLabel() {
        return sloLabel;
    }

    /** Value 1, with the SLO's metadata as labels. */
    public String info() {
        return info;
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

    /** {@code sloc/<service>/records}: the spec's plain recording rules. */
    public static String recordGroup(Service service) {
        return "sloc/" + service.name() + "/records";
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

    /** The labels that tell one SLO's series from every other SLO's, e.g. {@code service} and {@code slo}. */
    public SortedMap<String, String> identity(Service service, Slo slo) {
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put(serviceLabel, service.name());
        labels.put(sloLabel, slo.name());
        if (this == SLOTH) {
            labels.put(SLOTH_ID, service.name() + "-" + slo.name());
        }
        return labels;
    }

    /** Labels of every series recorded for an SLO: service labels, SLO labels, then its {@link #identity}. */
    public SortedMap<String, String> sloLabels(Service service, Slo slo) {
        SortedMap<String, String> labels = new TreeMap<>(service.labels());
        labels.putAll(slo.labels());
        labels.putAll(identity(service, slo));
        return labels;
    }

    /** What a series recorded over {@code window} carries on top of the SLO's labels: Sloth's {@code sloth_window}. */
    public SortedMap<String, String> windowLabels(Duration window) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (this == SLOTH) {
            labels.put(SLOTH_WINDOW, WindowText.of(window));
        }
        return labels;
    }

    /**
     * A comparison of windowed series made comparable with those of other windows: Sloth's series of different
     * windows differ in {@code sloth_window}, which the alert drops as Sloth's own alerts do.
     */
    public String acrossWindows(String comparison) {
        return this == SLOTH ? "max without (" + SLOTH_WINDOW + ") (" + comparison + ")" : comparison;
    }

    /**
     * How a series of one window divides by one of another: {@code " ignoring (sloth_window)"} for Sloth's naming,
     * nothing for sloc's.
     */
    public String ignoringWindow() {
        return this == SLOTH ? " ignoring (" + SLOTH_WINDOW + ")" : "";
    }

    /** The selector matchers that pick one SLO's recorded series, e.g. {@code {service="...", slo="..."}}. */
    public String matcher(Service service, Slo slo) {
        return identity(service, slo).entrySet().stream()
                .map(label -> label.getKey() + "=" + GoQuote.quote(label.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    SortedMap<String, String> infoLabels(SortedMap<String, String> metaLabels, Slo slo) {
        SortedMap<String, String> labels = new TreeMap<>(metaLabels);
        String objective = BurnFactors.text(slo.objective().percent());
        if (this == SLOTH) {
            labels.put("sloth_objective", objective);
        } else {
            labels.put("objective", objective);
            labels.put("window", WindowText.of(slo.window()));
            labels.put("sli", slo.sli().kind());
        }
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
