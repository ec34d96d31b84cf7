package io.sloc.gofmt;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Go's {@code strconv} parsing functions with Go's accepted syntax and error texts. */
public final class GoStrconv {
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX](_?[0-9a-fA-F])*(\\.([0-9a-fA-F]_?)*)?[pP][+-]?\\d+");
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
        double v;
        if (DECIMAL_FLOAT.matcher(s).matches()) {
            v = Double.parseDouble(s);
        } else if (HEX_FLOAT.matcher(s).matches() && !s.contains("__") && !s.endsWith("_")) {
            String cleaned = s.replace("_", "");
            v = Double.parseDouble(cleaned);
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
        boolean prefixed = false;
        if (s.length() > 1 && s.charAt(0) == '0') {
            char c = Character.toLowerCase(s.charAt(1));
            if (c == 'x' || c == 'o' || c == 'b') {
                base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
                s = s.substring(2);
            } else {
                base = 8;
                s = s.substring(1);
            }
            prefixed = true;
        }
        if (s.isEmpty() || !underscoresOk(s, prefixed)) {
            throw new NumError(func, s0, "invalid syntax");
        }
        try {
            BigInteger v = new BigInteger(s.replace("_", ""), base);
            return neg ? v.negate() : v;
        } catch (NumberFormatException e) {
            throw new NumError(func, s0, "invalid syntax");
        }
    }

    private static boolean underscoresOk(String digits, boolean prefixed) {
        if (!digits.contains("_")) {
            return true;
        }
        // Go: underscores only between digits (or after the base prefix) and only with base 0.
        return !digits.endsWith("_") && !digits.contains("__") && (prefixed || !digits.startsWith("_"));
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
        StringBuilder out = new StringBuilder();
        int i = 0;
        int runes = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == quote || c == '\n') {
                throw syntax();
            }
            runes++;
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                throw syntax();
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case '\\' -> out.append('\\');
                case '\'', '"' -> {
                    if (e != quote) {
                        throw syntax();
                    }
                    out.append(e);
                }
                case 'x', 'u', 'U' -> {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > body.length()) {
                        throw syntax();
                    }
                    int v = parseHex(body.substring(i, i + n));
                    i += n;
                    if (e == 'x') {
                        out.append((char) v); // a byte; only exact for ASCII
                    } else {
                        if (!GoQuote.isValidRune(v)) {
                            throw syntax();
                        }
                        out.appendCodePoint(v);
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
                    out.append((char) Integer.parseInt(oct, 8));
                }
                default -> throw syntax();
            }
        }
        if (quote == '\'' && runes != 1) {
            throw syntax();
        }
        return out.toString();
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
