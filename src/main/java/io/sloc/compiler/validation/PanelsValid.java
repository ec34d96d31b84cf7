package io.sloc.compiler.validation;

import io.sloc.dsl.ast.DashboardNode;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.model.PanelType;
import io.sloc.model.PromqlQuery;
import io.sloc.promql.ast.ValueType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Dashboard panels have a known type, queries that parse to instant vectors or scalars, a width within
 * Grafana's 24-column grid, min below max, and thresholds in increasing order.
 */
public final class PanelsValid implements SemanticRule {
    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            if (service.dashboard() == null) {
                continue;
            }
            for (DashboardNode.Row row : service.dashboard().rows()) {
                for (DashboardNode.Panel panel : row.panels()) {
                    check(spec, panel, diagnostics);
                }
            }
        }
    }

    private static void check(SpecContext spec, DashboardNode.Panel panel, Diagnostics diagnostics) {
        if (PanelType.fromGrafanaId(panel.type().value()).isEmpty()) {
            diagnostics.error(panel.type().location(), "unknown panel type '" + panel.type().value()
                    + "'; use one of: " + Arrays.stream(PanelType.values()).map(PanelType::grafanaId)
                    .collect(Collectors.joining(", ")));
        }
        for (DashboardNode.Query query : panel.queries()) {
            PromqlQuery parsed = spec.promql(query.expr());
            ValueType type = parsed.parsed().type();
            if (parsed.usesWindow() || (type != ValueType.VECTOR && type != ValueType.SCALAR)) {
                diagnostics.error(query.expr().start(), "a panel query must return an instant vector or a scalar "
                        + "(it is " + type.displayName() + "); wrap ranges in a function such as rate(x[5m])");
            }
        }
        if (panel.width() != null) {
            BigDecimal width = Values.number(panel.width());
            if (width.stripTrailingZeros().scale() > 0 || width.compareTo(BigDecimal.ONE) < 0
                    || width.compareTo(BigDecimal.valueOf(24)) > 0) {
                diagnostics.error(panel.width().location(), "panel width must be a whole number from 1 to 24 "
                        + "(Grafana's grid has 24 columns)");
            }
        }
        if (panel.min() != null && panel.max() != null
                && Values.number(panel.min()).compareTo(Values.number(panel.max())) >= 0) {
            diagnostics.error(panel.max().location(), "panel max " + panel.max().value() + " must be above min "
                    + panel.min().value());
        }
        if (panel.thresholds() != null) {
            BigDecimal previous = null;
            for (DashboardNode.Step step : panel.thresholds().steps()) {
                BigDecimal value = Values.number(step.value());
                if (previous != null && value.compareTo(previous) <= 0) {
                    diagnostics.error(step.value().location(), "threshold " + step.value().value()
                            + " must be above the previous threshold " + previous.toPlainString());
                }
                previous = value;
            }
        }
    }
}
