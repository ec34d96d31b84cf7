package io.sloc.compiler.validation;

import io.sloc.diag.SourceLocation;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.WindowNode;
import java.util.List;

/**
 * The SRE workbook's multi-window multi-burn-rate policy (chapter 5, table 5-8 plus its 1d/2h ticket pair),
 * written as if it were declared in a spec so rules and model builder treat it like any other policy:
 * 2% of the budget in 1h (short 5m) and 5% in 6h (30m) page; 10% in 1d (2h) and 10% in 3d (6h) open a ticket.
 */
final class WorkbookPolicy {
    static final SourceLocation BUILT_IN = new SourceLocation("<built-in policy workbook>", 0, 0);
    static final PolicyNode NODE = new PolicyNode(text(SpecContext.DEFAULT_POLICY), List.of(
            window("2%", "1h", "5m", "page"),
            window("5%", "6h", "30m", "page"),
            window("10%", "1d", "2h", "ticket"),
            window("10%", "3d", "6h", "ticket")), null, null, null, List.of(), List.of(), null, BUILT_IN);

    private WorkbookPolicy() {
    }

    private static WindowNode window(String budget, String longWindow, String shortWindow, String severity) {
        return new WindowNode(text(budget), null, text(longWindow), text(shortWindow), text(severity), null, null,
                List.of(), List.of(), BUILT_IN);
    }

    private static Located<String> text(String value) {
        return new Located<>(value, BUILT_IN);
    }
}
