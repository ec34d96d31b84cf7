package io.sloc.promql.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Go's float parsing and formatting ({@code strconv.ParseFloat}, {@code FormatFloat(v,'f',-1,64)}, {@code %v}). */
public final class GoFloats {
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9](?:_?[0-9])*\\.?(?:[0-9](?:_?[0-9])*)?|\\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern HEX =
            Pattern.compile("[+-]?0[xX](?:[0-9a-fA-F_]+\\.?[0-9a-fA-F_]*|\\.[0-9a-fA-F_]+)[pP][+-]?[0-9]+");

    private GoFloats() {
    }

    /**
     * {@code strconv.ParseFloat(s, 64)}: decimal and hex floats, {@code inf}/{@code infinity}/{@code nan} in any
     * case with an optional sign.
     *
     * @throws NumberFormatException for anything Go rejects, including values beyond float64's range (Go's
     *     ErrRange)
     */
    public static double parseFloat(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan") && !lower.startsWith("+") && !negative) {
            return Double.NaN;
        }
        double v;
        if (HEX.matcher(s).matches() && underscoresOk(s)) {
            v = Double.parseDouble(s.replace("_", ""));
        } else if (DECIMAL.matcher(s).matches() && !s.contains("_")) {
            v = Double.parseDouble(s);
        } else {
            throw new NumberFormatException("strconv.ParseFloat: parsing " + io.sloc.promql.GoStrings.quote(s) + ": invalid syntax");
        }
        if (Double.isInfinite(v)) {
            throw new NumberFormatException("strconv.ParseFloat: parsing " + io.sloc.promql.GoStrings.quote(s) + ": value out of range");
        }
        return v;
    }

    private static boolean underscoresOk(String s) {
        return !s.contains("__") && !s.endsWith("_");
    }

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest round-tripping digits, never an exponent. */
    public static String formatPlain(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return (1 / v) < 0 ? "-0" : "0";
        }
        BigDecimal shortest = shortest(v);
        String plain = shortest.stripTrailingZeros().toPlainString();
        return plain;
    }

    /** Go's {@code %v} for a float64 ({@code %g} with shortest digits): exponent form when exp < -4 or exp >= 6. */
    public static String formatV(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return (1 / v) < 0 ? "-0" : "0";
        }
        BigDecimal d = shortest(v).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        if (exp < -4 || exp >= 6) {
            String digits = d.unscaledValue().abs().toString();
            StringBuilder sb = new StringBuilder();
            if (d.signum() < 0) {
                sb.append('-');
            }
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            return sb.append(a).toString();
        }
        return d.toPlainString();
    }

    /** The shortest decimal that parses back to v, the nearest such one when several have that length. */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return r;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
