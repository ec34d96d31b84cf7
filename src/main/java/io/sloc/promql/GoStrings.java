package io.sloc.promql;

/** Go's string quoting ({@code strconv.Quote}, i.e. {@code %q}) and Prometheus's string-literal unquoting. */
public final class GoStrings {
    private GoStrings() {
    }

    /** {@code strconv.Quote}: double-quoted with Go escapes; non-printable characters escaped. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendQuoted(out, cp, '"');
        }
        return out.append('"').toString();
    }

    /** Go's {@code %.Nq}: the first {@code maxRunes} characters, quoted. */
    public static String quotePrefix(String s, int maxRunes) {
        int end = s.offsetByCodePoints(0, Math.min(maxRunes, s.codePointCount(0, s.length())));
        return quote(s.substring(0, end));
    }

    /** Go's {@code %q} of a rune: {@code 'x'}, {@code '\''}, {@code '\n'}. */
    public static String quoteRune(int cp) {
        StringBuilder out = new StringBuilder("'");
        appendQuoted(out, cp, '\'');
        return out.append('\'').toString();
    }

    /** Go's {@code %#U}: {@code U+0071 'q'}, or just {@code U+000A} when not printable. */
    public static String unicodeName(int cp) {
        String hex = String.format("U+%04X", cp);
        return isPrint(cp) ? hex + " '" + new String(Character.toChars(cp)) + "'" : hex;
    }

    private static void appendQuoted(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
        } else if (isPrint(cp)) {
            out.appendCodePoint(cp);
        } else {
            switch (cp) {
                case 7: out.append("\\a"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case 11: out.append("\\v"); break;
                default:
                    if (cp < ' ' || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
            }
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UNASSIGNED:
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /**
     * The value of a well-formed PromQL string literal including its quotes ({@code "…"}, {@code '…'} with Go
     * escapes, or {@code `raw`}).
     *
     * @throws IllegalArgumentException with Prometheus's lexer message for a bad escape sequence
     */
    public static String unquote(String literal) {
        char quote = literal.charAt(0);
        int end = literal.length() - 1;
        if (quote == '`') {
            return literal.substring(1, end);
        }
        StringBuilder out = new StringBuilder(end);
        int i = 1;
        while (i < end) {
            char c = literal.charAt(i);
            if (c == '\\') {
                i = escape(literal, i + 1, quote, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * lex.go's lexString/lexRawString over {@code input} from the opening quote at {@code start}: null when the
     * literal is closed and its escapes are valid, else the lexer's message for the first problem.
     */
    public static String literalError(String input, int start) {
        char quote = input.charAt(start);
        boolean raw = quote == '`';
        int i = start + 1;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == quote) {
                return null;
            }
            if (!raw && c == '\n') {
                break;
            }
            if (!raw && c == '\\') {
                try {
                    i = escape(input, i + 1, quote, null);
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            } else {
                i++;
            }
        }
        return raw ? "unterminated raw string" : "unterminated quoted string";
    }

    /** lex.go's lexEscape for the escape whose backslash precedes {@code i}; appends its value to {@code out}. */
    private static int escape(String text, int i, char quote, StringBuilder out) {
        if (i >= text.length()) {
            throw new IllegalArgumentException("escape sequence not terminated");
        }
        int esc = text.codePointAt(i);
        i += Character.charCount(esc);
        String simple = esc == quote ? String.valueOf(quote) : simpleEscape(esc);
        if (simple != null) {
            if (out != null) {
                out.append(simple);
            }
            return i;
        }
        int digits;
        int base;
        int max;
        if (esc >= '0' && esc <= '7') {
            digits = 3;
            base = 8;
            max = 255;
            i--;
        } else if (esc == 'x' || esc == 'u' || esc == 'U') {
            digits = esc == 'x' ? 2 : esc == 'u' ? 4 : 8;
            base = 16;
            max = esc == 'x' ? 255 : Character.MAX_CODE_POINT;
        } else {
            throw new IllegalArgumentException("unknown escape sequence " + unicodeName(esc));
        }
        long value = 0;
        for (int n = 0; n < digits; n++, i++) {
            if (i >= text.length()) {
                throw new IllegalArgumentException("escape sequence not terminated");
            }
            int ch = text.charAt(i);
            int digit = Character.digit(ch, 16);
            if (digit < 0 || digit >= base || ch > 'f') {
                throw new IllegalArgumentException("illegal character " + unicodeName(ch) + " in escape sequence");
            }
            value = value * base + digit;
        }
        if (value > max || (value >= 0xD800 && value < 0xE000)) {
            throw new IllegalArgumentException("escape sequence is an invalid Unicode code point");
        }
        if (out != null) {
            out.appendCodePoint((int) value);
        }
        return i;
    }

    private static String simpleEscape(int esc) {
        switch (esc) {
            case 'a': return "\u0007";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\u000B";
            case '\\': return "\\";
            default: return null;
        }
    }
}
