package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;
import java.util.List;

/** {@code dashboard { title "..." row "..." { panel ... } }}; title may be null. */
public record DashboardNode(Located<String> title, List<Row> rows, SourceLocation location) {
    public DashboardNode {
        rows = List.copyOf(rows);
    }

    /** {@code row "Title" { panel ... }}. */
    public record Row(String title, List<Panel> panels, SourceLocation location) {
        public Row {
            panels = List.copyOf(panels);
        }
    }

    /** {@code panel TYPE "Title" { ... }}; optional fields are null, {@code thresholds} may be null. */
    public record Panel(Located<String> type, String title, List<Query> queries,
                        Located<String> description, Located<String> unit,
                        Located<String> min, Located<String> max, Located<String> width, Thresholds thresholds,
                        SourceLocation location) {
        public Panel {
            queries = List.copyOf(queries);
        }
    }

    /** {@code query `...` legend "..."}; legend may be null. */
    public record Query(PromqlText expr, String legend, SourceLocation location) {
    }

    /** {@code thresholds { base green 0.005 orange 0.01 red }}. */
    public record Thresholds(String baseColour, List<Step> steps, SourceLocation location) {
        public Thresholds {
            steps = List.copyOf(steps);
        }
    }

    /** One threshold: from {@code value} upwards, use {@code colour}. */
    public record Step(Located<String> value, String colour) {
    }
}
