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
     * The value of a PromQL string literal including its quotes ({@code "…"}, {@code '…'} with Go escapes, or
     * {@code `raw`}), validated like lex.go's lexEscape.
     *
     * @throws IllegalArgumentException with Prometheus's lexer message
     */
    public static String unquote(String literal) {
        char quote = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        if (quote == '`') {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            // The lexer only yields closed literals, so a backslash in the body is always followed by a character.
            int esc = body.codePointAt(i);
            i += Character.charCount(esc);
            switch (esc) {
                case 'a': out.append((char) 7); continue;
                case 'b': out.append('\b'); continue;
                case 'f': out.append('\f'); continue;
                case 'n': out.append('\n'); continue;
                case 'r': out.append('\r'); continue;
                case 't': out.append('\t'); continue;
                case 'v': out.append((char) 11); continue;
                case '\\': out.append('\\'); continue;
                default:
                    break;
            }
            if (esc == quote) {
                out.append(quote);
                continue;
            }
            int digits;
            int base;
            int max;
            if (esc >= '0' && esc <= '7') {
                digits = 3;
                base = 8;
                max = 255;
                i--;
            } else if (esc == 'x') {
                digits = 2;
                base = 16;
                max = 255;
            } else if (esc == 'u') {
                digits = 4;
                base = 16;
                max = Character.MAX_CODE_POINT;
            } else if (esc == 'U') {
                digits = 8;
                base = 16;
                max = Character.MAX_CODE_POINT;
            } else {
                throw new IllegalArgumentException("unknown escape sequence " + unicodeName(esc));
            }
            long value = 0;
            for (int n = 0; n < digits; n++) {
                int ch = i < body.length() ? body.charAt(i) : quote;
                int digit = Character.digit(ch, 16);
                if (digit < 0 || digit >= base) {
                    throw new IllegalArgumentException("illegal character " + unicodeName(ch) + " in escape sequence");
                }
                value = value * base + digit;
                i++;
            }
            if (value > max || (value >= 0xD800 && value < 0xE000)) {
                throw new IllegalArgumentException("escape sequence is an invalid Unicode code point");
            }
            out.appendCodePoint((int) value);
        }
        return out.toString();
    }
}
