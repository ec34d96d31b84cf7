package io.sloc.compiler.validation;

import io.sloc.dsl.ast.AlertNode;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.model.PromqlQuery;
import io.sloc.promql.ast.ValueType;
import java.util.regex.Pattern;

/**
 * A plain alert has a metric-style name and an expression that parses to an instant vector; a policy's
 * {@code alert_name} is a metric-style name too.
 */
public final class AlertsValid implements SemanticRule {
    private static final Pattern ALERT_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            for (AlertNode alert : service.alerts()) {
                name(alert.name(), diagnostics);
                PromqlQuery expr = spec.promql(alert.expr());
                if (expr.usesWindow() || expr.parsed().type() != ValueType.VECTOR) {
                    diagnostics.error(alert.expr().start(), "an alert expression must be an instant vector "
                            + "(it is " + expr.parsed().type().displayName() + "); $window is only for SLIs");
                }
            }
        }
        spec.forEachAlertingSlo((slo, policy) -> {
            if (policy.alertName() != null) {
                name(policy.alertName(), diagnostics);
            }
        });
    }

    private static void name(Located<String> name, Diagnostics diagnostics) {
        if (!ALERT_NAME.matcher(name.value()).matches()) {
            diagnostics.error(name.location(), "alert name '" + name.value() + "' is not a valid metric-style "
                    + "name; use letters, digits and underscores, e.g. HatagoInstanceDown");
        }
    }
}
