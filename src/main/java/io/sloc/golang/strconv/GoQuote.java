package io.sloc.golang.strconv;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote}, {@code QuoteToASCII}, {@code QuoteRune} and {@code CanBackquote}.
 *
 * <p>Follows Go 1.19's {@code strconv} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoQuote {
    private static final String HEX = "0123456789abcdef";

    private GoQuote() {
    }

    /** {@code strconv.Quote}: a double-quoted Go string literal, non-printable runes escaped. */
    public static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    /** {@code strconv.QuoteToASCII}: like {@link #quote} but every non-ASCII rune is escaped too. */
    public static String quoteToAscii(String s) {
        return quoteWith(s, '"', true);
    }

    /** Go's {@code %.Nq}: the first {@code maxRunes} runes of {@code s}, quoted. */
    public static String quotePrefix(String s, int maxRunes) {
        int end = s.offsetByCodePoints(0, Math.min(maxRunes, s.codePointCount(0, s.length())));
        return quote(s.substring(0, end));
    }

    /** Go's {@code %#U}: {@code U+0071 'q'}, or just {@code U+000A} when the rune is not printable. */
    public static String unicodeForm(int rune) {
        int r = rune < 0 ? 0xFFFD : rune;
        String hex = "U+" + (r < 0x10000 ? hex(r, 4) : Integer.toHexString(r)).toUpperCase(java.util.Locale.ROOT);
        return isValidRune(r) && isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }

    /** {@code strconv.QuoteRune}: a single-quoted Go rune literal. */
    public static String quoteRune(int rune, boolean asciiOnly) {
        StringBuilder out = new StringBuilder("'");
        appendEscapedRune(out, isValidRune(rune) ? rune : 0xFFFD, '\'', asciiOnly);
        return out.append('\'').toString();
    }

    /** {@code strconv.CanBackquote}: a single-line string without control characters other than tab. */
    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == '`' || r == 0xFEFF || Character.isSurrogate((char) r)) {
                return false;
            }
            if (r < ' ' && r != '\t' || r == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String quoteWith(String s, char quote, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r >= 0xDC80 && r <= 0xDCFF) {
                // A byte that is not UTF-8, as the PromQL string decoder keeps it: Go quotes it as \xNN.
                out.append(String.format("\\x%02x", r - 0xDC00));
                continue;
            }
            if (Character.isSurrogate((char) r)) {
                r = 0xFFFD; // an unpaired surrogate cannot come from UTF-8; Go would see invalid bytes
            }
            appendEscapedRune(out, r, quote, asciiOnly);
        }
        return out.append(quote).toString();
    }

    private static void appendEscapedRune(StringBuilder out, int r, char quote, boolean asciiOnly) {
        if (r == quote || r == '\\') {
            out.append('\\').appendCodePoint(r);
            return;
        }
        if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 11 -> out.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7F) {
                    out.append("\\x").append(HEX.charAt(r >> 4)).append(HEX.charAt(r & 0xF));
                } else if (r < 0x10000) {
                    out.append("\\u").append(hex(r, 4));
                } else {
                    out.append("\\U").append(hex(r, 8));
                }
            }
        }
    }

    private static String hex(int value, int width) {
        StringBuilder s = new StringBuilder(Integer.toHexString(value));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        switch (Character.getType(r)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    public static boolean isValidRune(long r) {
        return r >= 0 && r <= Character.MAX_CODE_POINT && !(r >= 0xD800 && r <= 0xDFFF);
    }

    /** The number of UTF-8 bytes of {@code s}, i.e. Go's {@code len(s)}. */
    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
