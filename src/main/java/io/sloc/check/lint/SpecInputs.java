package io.sloc.check.lint;

import io.sloc.model.AlertRule;
import io.sloc.model.PromqlQuery;
import io.sloc.model.Service;
import io.sloc.model.Sli;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import io.sloc.promql.ast.Selectors;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics a spec reads as inputs: what its SLIs and alerts select, with a latency SLI's histogram
 * expanded to the series a client exposes. Colon names are left out: by convention they are recording rules,
 * which must be recorded somewhere, not assumed to exist.
 */
final class SpecInputs {
    private SpecInputs() {
    }

    static Set<String> metrics(Spec spec) {
        Set<String> names = new TreeSet<>();
        for (Service service : spec.services()) {
            for (Slo slo : service.slos()) {
                addSli(slo.sli(), names);
            }
            for (AlertRule alert : service.alerts()) {
                add(alert.expr(), names);
            }
        }
        names.removeIf(name -> name.contains(":"));
        return names;
    }

    private static void addSli(Sli sli, Set<String> names) {
        if (sli instanceof Sli.Ratio ratio) {
            add(ratio.events(), names);
            add(ratio.total(), names);
        } else if (sli instanceof Sli.Latency latency) {
            for (String histogram : selected(latency.histogram())) {
                names.add(histogram);
                names.add(histogram + "_bucket");
                names.add(histogram + "_count");
                names.add(histogram + "_sum");
            }
        } else if (sli instanceof Sli.NativeLatency latency) {
            add(latency.histogram(), names);
        } else if (sli instanceof Sli.Availability availability) {
            add(availability.gauge(), names);
        }
    }

    private static void add(PromqlQuery query, Set<String> names) {
        names.addAll(selected(query));
    }

    private static List<String> selected(PromqlQuery query) {
        return Selectors.in(query.parsed()).stream()
                .flatMap(s -> UnrecordedMetricLint.metricName(s).stream())
                .toList();
    }
}
