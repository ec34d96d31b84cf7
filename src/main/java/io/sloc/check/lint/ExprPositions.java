package io.sloc.check.lint;

import io.sloc.diag.SourceLocation;

/**
 * Maps a character offset in a rule's expression text to a position in the rule file. Exact for plain and quoted
 * one-line scalars and for literal/folded block scalars (each text line sits at the block's indentation);
 * for multi-line flow scalars, whose line breaks YAML folds away, it falls back to the expression's start.
 */
public record ExprPositions(SourceLocation start, boolean block, int quoteWidth, int blockIndent, String text) {
    public SourceLocation at(int offset) {
        if (offset < 0 || !start.isKnown()) {
            return start;
        }
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart;
        if (block) {
            return new SourceLocation(start.source(), start.line() + 1 + line, blockIndent + column + 1);
        }
        return line == 0 ? new SourceLocation(start.source(), start.line(), start.column() + quoteWidth + column)
                : start;
    }
}
