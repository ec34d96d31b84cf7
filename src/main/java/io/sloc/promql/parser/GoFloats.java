package io.sloc.promql.parser;

import java.math.BigDecimal;

/** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, the form Prometheus prints number literals in. */
final class GoFloats {
    private GoFloats() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            // "+Inf" would re-parse as a unary expression in front of '^'; plain Inf is the same literal.
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }
        // Shortest round-tripping decimal digits and their decimal exponent.
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        // Go switches to exponent form when the exponent is < -4 or >= 6 (precision 6 for shortest output).
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                out.append('0');
            }
            return out.append(abs).toString();
        }
        if (exponent < 0) {
            out.append("0.");
            for (int i = -1; i > exponent; i--) {
                out.append('0');
            }
            return out.append(digits).toString();
        }
        if (digits.length() <= exponent + 1) {
            out.append(digits);
            for (int i = digits.length(); i <= exponent; i++) {
                out.append('0');
            }
            return out.toString();
        }
        return out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length()).toString();
    }
}
