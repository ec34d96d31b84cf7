package io.sloc.compiler.validation;

import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.RecordNode;
import io.sloc.dsl.ast.ServiceNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A plain recording rule records a valid metric name, once per service, from an expression that parses. */
public final class RecordsValid implements SemanticRule {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Override
    public void check(SpecContext spec, Diagnostics diagnostics) {
        for (ServiceNode service : spec.services()) {
            Map<String, Located<String>> seen = new HashMap<>();
            for (RecordNode record : service.records()) {
                Located<String> name = record.name();
                if (!METRIC_NAME.matcher(name.value()).matches()) {
                    diagnostics.error(name.location(), "invalid metric name '" + name.value() + "': use letters, "
                            + "digits, underscores and colons, not starting with a digit");
                }
                Located<String> first = seen.putIfAbsent(name.value(), name);
                if (first != null) {
                    diagnostics.error(name.location(), "'" + name.value() + "' is recorded twice in service '"
                            + service.name().value() + "' (first at " + first.location() + "); keep one");
                }
                spec.promql(record.expr());
            }
        }
    }
}
