package io.sloc.diag;

/**
 * Messages quote the user's input; a raw form feed, NUL or byte-order mark in it would garble or hide the message in
 * a terminal or CI log, so such characters are shown escaped ({@code \f}, {@code \x00}, {@code \ufeff}). Line breaks
 * and tabs stay: messages span lines and indent.
 */
public final class Printable {
    private Printable() {
    }

    public static String escape(String text) {
        if (text.codePoints().allMatch(Printable::shown)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> escaped.append(shown(c) ? Character.toString(c) : escape(c)));
        return escaped.toString();
    }

    private static boolean shown(int c) {
        if (c == '\n' || c == '\t') {
            return true;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static String escape(int c) {
        return switch (c) {
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            case 0x0B -> "\\v";
            default -> c < 0x100 ? String.format("\\x%02x", c)
                    : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
        };
    }
}
