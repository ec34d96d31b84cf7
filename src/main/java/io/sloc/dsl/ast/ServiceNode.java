package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/** {@code service NAME { ... }}; {@code runbookBaseUrl} and {@code dashboard} may be null. */
public record ServiceNode(Located<String> name, List<Pair> labels, Located<String> runbookBaseUrl,
                          List<SloNode> slos, List<AlertNode> alerts, List<RecordNode> records, DashboardNode dashboard,
                          SourceLocation location) {
    public ServiceNode {
        labels = List.copyOf(labels);
        slos = List.copyOf(slos);
        alerts = List.copyOf(alerts);
        records = List.copyOf(records);
    }
}
