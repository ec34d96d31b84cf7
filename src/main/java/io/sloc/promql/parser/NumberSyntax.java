package io.sloc.promql.parser;

import io.sloc.gofmt.GoQuote;
import java.util.Locale;

/** Number literals as Prometheus 2.42 scans (lex.go) and converts them (parse.go's {@code number}). */
final class NumberSyntax {
    private static final String DECIMAL = "0123456789";
    private static final String HEX = "0123456789abcdefABCDEF";

    private NumberSyntax() {
    }

    /**
     * {@code strconv.ParseInt(s, 0, 64)} (so {@code 0x1F} is hex and {@code 010} octal), falling back to
     * {@code strconv.ParseFloat(s, 64)}.
     *
     * @throws IllegalArgumentException with the Go error text
     */
    static double parse(String text) {
        Long asInt = parseGoInt(text);
        if (asInt != null) {
            return asInt;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!text.isEmpty() && text.chars().allMatch(c -> DECIMAL.indexOf(c) >= 0 || c == '.' || c == 'e'
                || c == 'E' || c == '+' || c == '-') && !text.startsWith("0x") && !text.startsWith("0X")) {
            try {
                double value = Double.parseDouble(text);
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException(
                            "strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": value out of range");
                }
                return value;
            } catch (NumberFormatException e) {
                // Reported below with Go's wording.
            }
        }
        throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": invalid syntax");
    }

    /** {@code strconv.ParseInt(s, 0, 64)} for the unsigned forms the lexer produces; null when it fails. */
    private static Long parseGoInt(String text) {
        int radix = 10;
        String digits = text;
        if (text.length() > 1 && text.charAt(0) == '0') {
            char prefix = Character.toLowerCase(text.charAt(1));
            if (prefix == 'x' || prefix == 'b' || prefix == 'o') {
                radix = prefix == 'x' ? 16 : prefix == 'b' ? 2 : 8;
                digits = text.substring(2);
            } else {
                radix = 8;
                digits = text.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }

    /**
     * The text lex.go quotes in "bad number or duration syntax" for a number that runs into letters: its
     * {@code scanNumber} plus {@code acceptRemainingDuration} up to the first character they reject.
     */
    static String badPrefix(String text) {
        Scanner s = new Scanner(text, 0);
        s.scanNumber();
        s.acceptRemainingDuration();
        return s.consumed();
    }

    /**
     * lex.go's lexDuration, which scans what directly follows '[': null when it is a duration token, else the
     * lexer's error message.
     */
    static String durationAfterBracket(String input, int from) {
        Scanner s = new Scanner(input, from);
        if (s.scanNumber()) {
            return "missing unit character in duration";
        }
        return s.acceptRemainingDuration() ? null : "bad duration syntax: " + GoQuote.quote(s.consumed());
    }

    private static final class Scanner {
        private final String text;
        private final int start;
        private int pos;

        Scanner(String text, int start) {
            this.text = text;
            this.start = start;
            this.pos = start;
        }

        /** True when the number is not followed by a letter, digit or '_'. */
        boolean scanNumber() {
            String digits = DECIMAL;
            if (accept("0") && accept("xX")) {
                digits = HEX;
            }
            acceptRun(digits);
            if (accept(".")) {
                acceptRun(digits);
            }
            if (accept("eE")) {
                accept("+-");
                acceptRun(DECIMAL);
            }
            return pos >= text.length() || !isAlphaNumeric(text.charAt(pos));
        }

        boolean acceptRemainingDuration() {
            if (!accept("smhdwy")) {
                return false;
            }
            accept("s");
            while (accept(DECIMAL)) {
                acceptRun(DECIMAL);
                if (!accept("smhdw")) {
                    return false;
                }
                accept("s");
            }
            boolean end = pos >= text.length() || !isAlphaNumeric(text.charAt(pos));
            pos = Math.min(pos + 1, text.length());
            return end;
        }

        private static boolean isAlphaNumeric(char c) {
            return c == '_' || Character.isLetterOrDigit(c) && c < 0x80;
        }

        boolean accept(String valid) {
            if (pos < text.length() && valid.indexOf(text.charAt(pos)) >= 0) {
                pos++;
                return true;
            }
            return false;
        }

        void acceptRun(String valid) {
            while (accept(valid)) {
                // Consume.
            }
        }

        String consumed() {
            return text.substring(start, pos);
        }
    }
}
