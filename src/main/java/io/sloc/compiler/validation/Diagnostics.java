package io.sloc.compiler.validation;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.diag.Warning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where semantic rules report. An error stops the compile at once (one mistake, one message); warnings are
 * collected and returned in source order.
 */
public final class Diagnostics {
    private final List<Warning> warnings = new ArrayList<>();

    public void error(SourceLocation location, String message) {
        throw new BadInputException(location, message);
    }

    public void warn(SourceLocation location, String message) {
        warnings.add(new Warning(location, message));
    }

    public List<Warning> warnings() {
        return warnings.stream().sorted(Comparator.comparing((Warning w) -> w.location().source())
                .thenComparingInt(w -> w.location().line()).thenComparingInt(w -> w.location().column())).toList();
    }
}
