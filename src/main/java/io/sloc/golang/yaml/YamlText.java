package io.sloc.golang.yaml;

/**
 * A rough reading of YAML text, enough to tell quoted scalars, comments and flow collections apart where SnakeYAML
 * and libyaml disagree: brackets count only where they start a token (not {@code x[5m]} in a plain scalar), and
 * within a flow collection a quote always opens a quoted scalar.
 */
final class YamlText {
    private final String text;
    private int depth;
    private char quote;
    private boolean comment;
    private int line;
    /** Where a double-quoted scalar's escape libyaml refuses was first seen: 0-based lines of it and its scalar. */
    private int badEscapeLine = -1;
    private int badEscapeScalarLine;
    private int quoteLine;

    private YamlText(String text, int end) {
        this.text = text;
        char previous = '\n';
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (comment) {
                comment = c != '\n';
            } else if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    checkUnicodeEscape(i + 1);
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '#' && Character.isWhitespace(previous)) {
                comment = true;
            } else if ((c == '"' || c == '\'' || c == '[' || c == '{') && (depth > 0 || startsToken(i))) {
                if (c == '[' || c == '{') {
                    depth++;
                } else {
                    quote = c;
                    quoteLine = line;
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            if (c == '\n') {
                line++;
            }
            previous = c;
        }
    }

    /** Whether {@code offset} lies inside a flow collection ({@code [ ]}, <code>{ }</code>). */
    static boolean inFlowCollection(String text, int offset) {
        return new YamlText(text, offset).depth > 0;
    }

    /**
     * The first <code>&#92;u</code> or <code>&#92;U</code> escape before {@code end} in a double-quoted scalar that
     * libyaml refuses (a surrogate, or beyond U+10FFFF) and SnakeYAML accepts, as 0-based lines {escape, scalar
     * start}; null if none.
     */
    static int[] invalidUnicodeEscape(String text, int end) {
        if (!text.contains("\\u") && !text.contains("\\U")) {
            return null;
        }
        YamlText read = new YamlText(text, end);
        return read.badEscapeLine < 0 ? null : new int[] {read.badEscapeLine, read.badEscapeScalarLine};
    }

    private void checkUnicodeEscape(int at) {
        char kind = text.charAt(at);
        int length = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
        if (length == 0 || badEscapeLine >= 0 || at + length >= text.length()) {
            return;
        }
        long value;
        try {
            value = Long.parseLong(text.substring(at + 1, at + 1 + length), 16);
        } catch (NumberFormatException e) {
            return;
        }
        if (value >= 0xD800 && value <= 0xDFFF || value > 0x10FFFF) {
            badEscapeLine = line;
            badEscapeScalarLine = quoteLine;
        }
    }

    /** Whether the character at {@code i} starts a block-context token: after a line start, ':', '-' or '?'. */
    private boolean startsToken(int i) {
        int j = i - 1;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j--;
        }
        return j < 0 || text.charAt(j) == '\n' || (j < i - 1 && ":-?".indexOf(text.charAt(j)) >= 0);
    }
}
