package io.sloc.promql.parser;

/**
 * Bytes written as {@code \xNN} or octal escapes, which Go's strconv.Unquote keeps as raw bytes: runs of them that form
 * UTF-8 become their characters (so {@code "\xc3\xbf"} is {@code ÿ}, as in Prometheus); a byte that does not stays
 * as the lone surrogate {@code U+DC00 + byte} (Python's surrogateescape), which no valid name or text contains.
 */
final class RawBytes {
    private static final char BASE = 0xDC00;

    private RawBytes() {
    }

    /** The stand-in for a byte >= 0x80 until {@link #decode} sees its neighbours. */
    static char escaped(int b) {
        return (char) (BASE + b);
    }

    private static boolean isEscaped(char c) {
        return c >= BASE + 0x80 && c <= BASE + 0xFF;
    }

    /** The text with every run of escaped bytes decoded as UTF-8 where it is valid. */
    static String decode(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isEscaped(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            int end = i;
            while (end < text.length() && isEscaped(text.charAt(end))) {
                end++;
            }
            appendRun(text, i, end, out);
            i = end - 1;
        }
        return out == null ? text.toString() : out.toString();
    }

    private static void appendRun(CharSequence text, int start, int end, StringBuilder out) {
        int i = start;
        while (i < end) {
            int lead = text.charAt(i) - BASE;
            int length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
            int codePoint = sequence(text, i, end, lead, length);
            if (codePoint < 0) {
                out.append(text.charAt(i++));
            } else {
                out.appendCodePoint(codePoint);
                i += length;
            }
        }
    }

    /** The code point of a valid UTF-8 sequence of {@code length} bytes at {@code i}, else -1. */
    private static int sequence(CharSequence text, int i, int end, int lead, int length) {
        if (length == 0 || i + length > end) {
            return -1;
        }
        int codePoint = lead & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            int b = text.charAt(i + k) - BASE;
            if ((b & 0xC0) != 0x80) {
                return -1;
            }
            codePoint = codePoint << 6 | b & 0x3F;
        }
        boolean overlong = length == 3 && codePoint < 0x800 || length == 4 && codePoint < 0x10000;
        boolean invalid = codePoint > Character.MAX_CODE_POINT || codePoint >= 0xD800 && codePoint < 0xE000;
        return overlong || invalid ? -1 : codePoint;
    }
}
