package io.sloc.golang.yaml;

/**
 * libyaml skips tabs between tokens where simple keys are not allowed (after {@code :}, an anchor or a tag, at the
 * end of a line) and anywhere between the tokens of a flow collection; SnakeYAML skips spaces only and fails on
 * such a tab ("found character that cannot start any token"). This turns those tabs into spaces (one for one, so
 * columns stay), leaving tabs inside scalars, comments and the leading indentation of block context (which libyaml
 * rejects) alone. Inside a flow collection leading tabs are blanks too (JSON indented with tabs): converting them
 * here, in one pass, spares the parser a retry per tab.
 */
final class SeparatingTabs {
    private SeparatingTabs() {
    }

    static String asSpaces(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        char[] out = text.toCharArray();
        char quote = 0;
        int flow = 0;
        int blockScalarIndent = -1;
        int lineStart = 0;
        boolean comment = false;
        boolean leading = true; // only blanks so far on this line
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == '\n') {
                lineStart = i + 1;
                comment = false;
                leading = true;
                continue;
            }
            leading &= isBlank(c);
            if (blockScalarIndent >= 0) {
                if (i == lineStart) {
                    int indent = indentation(out, i);
                    if (indent > blockScalarIndent || lineEnd(out, i + indent) == i + indent) {
                        i = lineEnd(out, i) - 1; // block scalar content
                        continue;
                    }
                    blockScalarIndent = -1;
                } else {
                    continue;
                }
            }
            if (comment) {
                continue;
            }
            if (quote != 0) {
                if (c == quote && !(quote == '\'' && i + 1 < out.length && out[i + 1] == '\'')) {
                    quote = 0;
                } else if (c == '\'' && quote == '\'') {
                    i++;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
                continue;
            }
            if (c == '\t') {
                // One decision for the whole run of blanks from here: every tab in it lies between the same tokens.
                int end = i;
                while (end < out.length && isBlank(out[end])) {
                    end++;
                }
                if (leading ? flow > 0 : separates(out, i, flow)) {
                    for (int k = i; k < end; k++) {
                        out[k] = ' ';
                    }
                }
                i = end - 1;
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = previousIsBlankOrIndicator(out, lineStart, i) ? c : 0;
                case '#' -> comment = i == lineStart || isBlank(out[i - 1]);
                case '[', '{' -> {
                    if (flow > 0 || previousIsBlankOrIndicator(out, lineStart, i)) {
                        flow++; // in block context only where it starts a token: not x[5m] in a plain scalar
                    }
                }
                case ']', '}' -> flow = Math.max(0, flow - 1);
                case '|', '>' -> {
                    if (flow == 0 && previousIsBlankOrIndicator(out, lineStart, i)) {
                        blockScalarIndent = indentation(out, lineStart);
                    }
                }
                default -> {
                }
            }
        }
        return new String(out);
    }

    /** Whether the tab at i lies between tokens as libyaml sees them. */
    private static boolean separates(char[] s, int i, int flow) {
        int before = i - 1;
        while (before >= 0 && isBlank(s[before])) {
            before--;
        }
        int after = i + 1;
        while (after < s.length && isBlank(s[after])) {
            after++;
        }
        char prev = before < 0 ? '\n' : s[before];
        char next = after >= s.length ? '\n' : s[after];
        if (next == '\n' || next == '\r' || next == '#') {
            return true; // trailing whitespace, or before a comment
        }
        if (prev == ':' || isAnchorOrTag(s, before)) {
            return true; // no simple key allowed here (after '-' or '?' one is, and a tab is an error)
        }
        return flow > 0 && ("[{,?".indexOf(prev) >= 0 || "]},:".indexOf(next) >= 0);
    }

    /** Whether the word ending at {@code end} is an anchor ({@code &a}) or a tag ({@code !t}). */
    private static boolean isAnchorOrTag(char[] s, int end) {
        int k = end;
        while (k > 0 && !isBlank(s[k - 1]) && s[k - 1] != '\n') {
            k--;
        }
        return s[k] == '&' || s[k] == '!';
    }

    private static boolean previousIsBlankOrIndicator(char[] s, int lineStart, int i) {
        return i == lineStart || isBlank(s[i - 1]) || "[{,:".indexOf(s[i - 1]) >= 0;
    }

    private static int indentation(char[] s, int lineStart) {
        int k = lineStart;
        while (k < s.length && s[k] == ' ') {
            k++;
        }
        return k - lineStart;
    }

    private static int lineEnd(char[] s, int from) {
        int k = from;
        while (k < s.length && s[k] != '\n') {
            k++;
        }
        return k;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
