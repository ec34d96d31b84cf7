package io.sloc.compiler.validation;

import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.Pair;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SloNode;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code by (...)} labels are valid, distinct, not reserved, and not also set as static labels: a static label
 * would overwrite the grouped value, so the recording rules would produce several series with one label set
 * ("vector contains metrics with the same labelset", Sloth #311).
 */
public final class GroupingDoesNotClash implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            for (SloNode slo : service.slos()) {
                Set<String> seen = new HashSet<>();
                for (Located<String> label : slo.groupBy()) {
                    String name = label.value();
                    if (!LabelNamesValid.LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
                        diagnostics.error(label.location(), "invalid grouping label '" + name + "'");
                    }
                    if (LabelNamesValid.RESERVED.contains(name) || name.equals("le")) {
                        diagnostics.error(label.location(), "cannot group by '" + name + "': sloc sets that label");
                    }
                    if (!seen.add(name)) {
                        diagnostics.error(label.location(), "'" + name + "' appears twice in by (...)");
                    }
                    if (setStatically(service, slo, name)) {
                        diagnostics.error(label.location(), "grouping label '" + name + "' clashes with a static "
                                + "label of the same name on the service or SLO: the recording rules would produce "
                                + "one label set for every group; remove one of them");
                    }
                }
            }
        }
    }

    private static boolean setStatically(ServiceNode service, SloNode slo, String label) {
        return service.labels().stream().map(Pair::name).anyMatch(n -> n.value().equals(label))
                || slo.labels().stream().map(Pair::name).anyMatch(n -> n.value().equals(label));
    }
}
