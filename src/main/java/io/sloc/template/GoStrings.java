package io.sloc.template;

import io.sloc.gofmt.GoQuote;

/** Small Go formatting idioms used in text/template error messages. */
final class GoStrings {
    private GoStrings() {
    }

    /** {@code fmt.Sprintf("%#U", r)}: {@code U+0021 '!'}, the quoted character only when printable. */
    static String unicodeForm(int r) {
        if (r < 0) {
            r = 0xFFFD;
        }
        StringBuilder hex = new StringBuilder(Integer.toHexString(r).toUpperCase());
        while (hex.length() < 4) {
            hex.insert(0, '0');
        }
        String s = "U+" + hex;
        if (Character.isValidCodePoint(r) && isGoPrintable(r)) {
            s += " '" + new String(Character.toChars(r)) + "'";
        }
        return s;
    }

    /** {@code fmt.Sprintf("%.Nq", s)}: the first {@code n} runes of {@code s}, quoted. */
    static String quotePrefix(String s, int n) {
        int end = s.offsetByCodePoints(0, Math.min(n, s.codePointCount(0, s.length())));
        return GoQuote.quote(s.substring(0, end));
    }

    private static boolean isGoPrintable(int r) {
        return GoQuote.quote(new String(Character.toChars(r))).length() == 2 + Character.charCount(r)
                || r == '"' || r == '\\';
    }
}
