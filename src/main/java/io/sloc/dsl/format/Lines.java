package io.sloc.dsl.format;

/** The printer's output: two-space indentation per block, and blank lines only between statements of a block. */
final class Lines {
    private static final String INDENT = "  ";

    private final StringBuilder text = new StringBuilder();
    private int depth;
    private boolean blankWanted;
    private boolean atBlockStart = true;

    int indentWidth() {
        return depth * INDENT.length();
    }

    /** Asks for a blank line before the next line, unless that line opens or closes a block. */
    void separate() {
        blankWanted = true;
    }

    void line(String content) {
        if (blankWanted && !atBlockStart) {
            text.append('\n');
        }
        blankWanted = false;
        atBlockStart = false;
        text.append(INDENT.repeat(depth)).append(content).append('\n');
    }

    /** A line ending in {@code {}, then its block's lines one level deeper. */
    void open(String header) {
        line(header);
        depth++;
        atBlockStart = true;
    }

    void close() {
        depth--;
        blankWanted = false;
        line("}");
    }

    String text() {
        return text.toString();
    }
}
