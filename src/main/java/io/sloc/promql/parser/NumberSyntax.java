package io.sloc.promql.parser;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.strconv.GoStrconv;

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
        try {
            return GoStrconv.parseInt(text);
        } catch (GoStrconv.NumError notAnInteger) {
            try {
                return GoStrconv.parseFloat(text);
            } catch (GoStrconv.NumError e) {
                throw new IllegalArgumentException(e.getMessage());
            }
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
