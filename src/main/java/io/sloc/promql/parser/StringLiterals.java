package io.sloc.promql.parser;

import io.sloc.golang.strconv.GoQuote;

/**
 * PromQL string literals as Prometheus's lexer reads them: its escape rules and its error messages, which differ
 * from Go's {@code strconv.Unquote} (quoting for messages is {@link GoQuote}'s job).
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /**
     * The value of a well-formed PromQL string literal including its quotes ({@code "…"}, {@code '…'} with Go
     * escapes, or {@code `raw`}).
     *
     * @throws IllegalArgumentException with Prometheus's lexer message for a bad escape sequence
     */
    static String unquote(String literal) {
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
        return RawBytes.decode(out);
    }

    /**
     * lex.go's lexString/lexRawString over {@code input} from the opening quote at {@code start}: null when the
     * literal is closed and its escapes are valid, else the lexer's message for the first problem.
     */
    static String literalError(String input, int start) {
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
            throw new IllegalArgumentException("unknown escape sequence " + GoQuote.unicodeForm(esc));
        }
        long value = 0;
        for (int n = 0; n < digits; n++, i++) {
            if (i >= text.length()) {
                throw new IllegalArgumentException("escape sequence not terminated");
            }
            int ch = text.charAt(i);
            int digit = Character.digit(ch, 16);
            if (digit < 0 || digit >= base || ch > 'f') {
                throw new IllegalArgumentException("illegal character " + GoQuote.unicodeForm(ch) + " in escape sequence");
            }
            value = value * base + digit;
        }
        if (value > max || (value >= 0xD800 && value < 0xE000)) {
            throw new IllegalArgumentException("escape sequence is an invalid Unicode code point");
        }
        if (out != null) {
            boolean rawByte = esc != 'u' && esc != 'U';
            if (rawByte && value >= 0x80) {
                out.append(RawBytes.escaped((int) value)); // a byte of a UTF-8 sequence, decoded at the end
            } else {
                out.appendCodePoint((int) value);
            }
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
