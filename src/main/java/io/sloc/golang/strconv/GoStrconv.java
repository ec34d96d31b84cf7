package io.sloc.golang.strconv;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv} parsing functions with Go's accepted syntax and error texts.
 *
 * <p>Follows Go 1.19's {@code strconv} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoStrconv {
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");
    private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(inf|infinity)|nan");

    private GoStrconv() {
    }

    /** The error a strconv function returns, with Go's message. */
    public static final class NumError extends Exception {
        private static final long serialVersionUID = 1L;

        NumError(String func, String input, String reason) {
            super("strconv." + func + ": parsing " + GoQuote.quote(input) + ": " + reason);
        }

        private NumError(String message) {
            super(message);
        }
    }

    /** {@code strconv.ParseFloat(s, 64)}. */
    public static double parseFloat(String s) throws NumError {
        if (SPECIAL.matcher(s).matches()) {
            String lower = s.toLowerCase();
            if (lower.equals("nan")) {
                return Double.NaN;
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (s.indexOf('_') >= 0 && !underscoreOk(s)) {
            throw new NumError("ParseFloat", s, "invalid syntax");
        }
        String digits = s.replace("_", "");
        double v;
        if (DECIMAL_FLOAT.matcher(digits).matches() || HEX_FLOAT.matcher(digits).matches()) {
            v = Double.parseDouble(digits);
        } else {
            throw new NumError("ParseFloat", s, "invalid syntax");
        }
        if (Double.isInfinite(v)) {
            throw new NumError("ParseFloat", s, "value out of range");
        }
        return v;
    }

    /** {@code strconv.ParseInt(s, 0, 64)}: base from the prefix (0x, 0o, 0b, 0 for octal), underscores allowed. */
    public static long parseInt(String s) throws NumError {
        BigInteger v = parseBase0(s, "ParseInt");
        if (v.bitLength() > 63) {
            throw new NumError("ParseInt", s, "value out of range");
        }
        return v.longValue();
    }

    /** {@code strconv.ParseUint(s, 0, 64)} as a BigInteger in [0, 2^64). */
    public static BigInteger parseUint(String s) throws NumError {
        if (s.startsWith("+") || s.startsWith("-")) {
            throw new NumError("ParseUint", s, "invalid syntax");
        }
        BigInteger v = parseBase0(s, "ParseUint");
        if (v.bitLength() > 64) {
            throw new NumError("ParseUint", s, "value out of range");
        }
        return v;
    }

    private static BigInteger parseBase0(String s0, String func) throws NumError {
        String s = s0;
        boolean neg = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int base = 10;
        if (s.length() > 1 && s.charAt(0) == '0') {
            char c = Character.toLowerCase(s.charAt(1));
            if (c == 'x' || c == 'o' || c == 'b') {
                base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
                s = s.substring(2);
            } else {
                base = 8;
                s = s.substring(1);
            }
        }
        if (s.isEmpty() || (s0.indexOf('_') >= 0 && !underscoreOk(s0))) {
            throw new NumError(func, s0, "invalid syntax");
        }
        try {
            BigInteger v = new BigInteger(s.replace("_", ""), base);
            return neg ? v.negate() : v;
        } catch (NumberFormatException e) {
            throw new NumError(func, s0, "invalid syntax");
        }
    }

    /** Go's underscoreOK: '_' only between digits, or between a base prefix and a digit. */
    private static boolean underscoreOk(String s) {
        char saw = '^'; // ^ start, 0 digit or prefix, _ underscore, ! anything else
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (hex && "abcdefABCDEF".indexOf(c) >= 0)) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    /** {@code strconv.Unquote} for "..." and `...` literals; throws with Go's "invalid syntax". */
    public static String unquote(String s) throws NumError {
        if (s.length() < 2) {
            throw syntax();
        }
        char quote = s.charAt(0);
        if (quote != s.charAt(s.length() - 1)) {
            throw syntax();
        }
        String body = s.substring(1, s.length() - 1);
        if (quote == '`') {
            if (body.indexOf('`') >= 0) {
                throw syntax();
            }
            return body.replace("\r", "");
        }
        if (quote != '"' && quote != '\'') {
            throw syntax();
        }
        // Go strings are bytes: \x and octal escapes add raw bytes, the rest adds UTF-8.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        int runes = 0;
        while (i < body.length()) {
            int c = body.codePointAt(i);
            if (c == quote || c == '\n') {
                throw syntax();
            }
            runes++;
            if (c != '\\') {
                appendUtf8(out, c);
                i += Character.charCount(c);
                continue;
            }
            if (i + 1 >= body.length()) {
                throw syntax();
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '\'', '"' -> {
                    if (e != quote) {
                        throw syntax();
                    }
                    out.write(e);
                }
                case 'x', 'u', 'U' -> {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > body.length()) {
                        throw syntax();
                    }
                    int v = parseHex(body.substring(i, i + n));
                    i += n;
                    if (e == 'x') {
                        out.write(v);
                    } else {
                        if (!GoQuote.isValidRune(v)) {
                            throw syntax();
                        }
                        appendUtf8(out, v);
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > body.length()) {
                        throw syntax();
                    }
                    String oct = "" + e + body.charAt(i) + body.charAt(i + 1);
                    i += 2;
                    if (!oct.matches("[0-7]{3}") || Integer.parseInt(oct, 8) > 255) {
                        throw syntax();
                    }
                    out.write(Integer.parseInt(oct, 8));
                }
                default -> throw syntax();
            }
        }
        if (quote == '\'' && runes != 1) {
            throw syntax();
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void appendUtf8(java.io.ByteArrayOutputStream out, int codePoint) {
        out.writeBytes(new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int parseHex(String h) throws NumError {
        if (!h.matches("[0-9a-fA-F]+")) {
            throw syntax();
        }
        return (int) Long.parseLong(h, 16);
    }

    private static NumError syntax() {
        return new NumError("invalid syntax"); // Unquote returns the bare ErrSyntax
    }
}
