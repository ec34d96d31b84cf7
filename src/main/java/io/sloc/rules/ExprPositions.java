package io.sloc.rules;

import io.sloc.diag.SourceLocation;
import io.sloc.golang.yaml.GoYaml;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a character offset in a rule's expression text to a position in the rule file. Exact for plain and quoted
 * one-line scalars and for literal/folded block scalars (each text line sits at the block's indentation);
 * for multi-line flow scalars, whose line breaks YAML folds away, it falls back to the expression's start.
 */
public record ExprPositions(SourceLocation start, boolean block, int quoteWidth, int blockIndent, String text) {
    /**
     * The mapping for an {@code expr} scalar of {@code file}, whose {@code lines} give a block scalar's
     * indentation (the node only knows where its indicator is).
     */
    static ExprPositions of(String file, ScalarNode expr, String[] lines) {
        SourceLocation start = new SourceLocation(file, GoYaml.line(expr), GoYaml.column(expr));
        ScalarStyle style = expr.getScalarStyle();
        boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
        int quote = style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED ? 1 : 0;
        int indent = block && start.line() < lines.length ? indentation(lines[start.line()]) : 0;
        return new ExprPositions(start, block, quote, indent, expr.getValue());
    }

    private static int indentation(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

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
