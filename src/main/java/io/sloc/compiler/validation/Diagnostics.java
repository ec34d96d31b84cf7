package io.sloc.compiler.validation;

import io.sloc.diag.BadInputException;
import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Where semantic rules report. An error stops the compile at once (one mistake, one message, thrown as a
 * {@link BadInputException}); warnings are collected as {@link Diagnostic}s of check {@code compile}, in source order.
 */
public final class Diagnostics {
    private static final String CHECK = "compile";

    private final List<Diagnostic> warnings = new ArrayList<>();

    public void error(SourceLocation location, String message) {
        throw new BadInputException(location, message);
    }

    public void warn(SourceLocation location, String message) {
        warnings.add(Diagnostic.warning(CHECK, location, message));
    }

    public List<Diagnostic> warnings() {
        return warnings.stream().sorted(Diagnostic.BY_LOCATION).toList();
    }
}
