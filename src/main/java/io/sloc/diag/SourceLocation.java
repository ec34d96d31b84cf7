package io.sloc.diag;

/** A 1-based line and column inside a named source (a file path, or a label such as {@code <expr>}). */
public record SourceLocation(String source, int line, int column) {
    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, 0);

    public boolean isKnown() {
        return line > 0;
    }

    /** The location {@code offsetLine}/{@code offsetColumn} inside a snippet that itself starts at this location. */
    public SourceLocation shift(int snippetLine, int snippetColumn) {
        if (!isKnown()) {
            return this;
        }
        return snippetLine == 1
                ? new SourceLocation(source, line, column + snippetColumn - 1)
                : new SourceLocation(source, line + snippetLine - 1, snippetColumn);
    }

    @Override
    public String toString() {
        return isKnown() ? source + ":" + line + ":" + column : source;
    }
}
