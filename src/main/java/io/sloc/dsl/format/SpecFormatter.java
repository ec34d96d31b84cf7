package io.sloc.dsl.format;

import io.sloc.dsl.SloSpecParser;
import io.sloc.dsl.ast.SpecFile;

/** Formats spec source text canonically ({@link SpecPrinter}), keeping its comments. */
public final class SpecFormatter {
    private SpecFormatter() {
    }

    /**
     * The canonical text of a spec; idempotent.
     *
     * @throws io.sloc.diag.BadInputException at the first syntax error
     */
    public static String format(String text, String sourceName) {
        SpecFile file = SloSpecParser.parse(text, sourceName);
        SpecComments comments = SourceComments.attach(text, sourceName, SpecPrinter.statements(file));
        String formatted = SpecPrinter.print(file, comments);
        if (!comments.unprinted().isEmpty()) {
            throw new IllegalStateException("comments not placed: " + comments.unprinted());
        }
        return formatted;
    }
}
