package io.sloc.golang.strconv;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat(v, fmt, prec, 64)} for the formats 'b', 'e', 'E', 'f', 'g', 'G', 'x' and 'X'.
 *
 * <p>Digits are computed from the exact binary value with {@link BigDecimal}: Java's {@code Double.toString} is not
 * shortest before JDK 19 and {@code Formatter} rounds half-up, while Go picks the shortest round-tripping digits (the
 * nearest such string, ties to even) and rounds fixed precisions correctly with ties to even on exact decimal ties.
 *
 * <p>Follows Go 1.19's {@code strconv} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoFloat {
    private static final int MANTISSA_BITS = 52;
    private static final int EXPONENT_BIAS = 1075; // bias 1023 plus the 52 fraction bits
    /**
     * Two decimals of at most 15 significant digits are further apart than a normal double's rounding interval is
     * wide (relative gaps above 1e-15 against at most 2^-52 = 2.2e-16), so a round-tripping decimal of that length
     * is the only one of that length or shorter: the shortest.
     */
    private static final int MAX_UNIQUE_DIGITS = 15;

    private GoFloat() {
    }

    /** {@code strconv.FormatFloat(v, fmt, -1, 64)}: the shortest digits that parse back to {@code v}. */
    public static String formatShortest(double v, char fmt) {
        return format(v, fmt, -1);
    }

    /** Go's {@code %v} of a float64: {@code FormatFloat(v, 'g', -1, 64)}, e.g. {@code 1e+06}, {@code 123456}. */
    public static String formatV(double v) {
        return format(v, 'g', -1);
    }

    /** {@code strconv.FormatFloat(v, fmt, prec, 64)} with {@code prec >= 0}. */
    public static String formatPrecision(double v, char fmt, int prec) {
        if (prec < 0) {
            throw new IllegalArgumentException("negative precision " + prec + "; use formatShortest");
        }
        return format(v, fmt, prec);
    }

    /** {@code strconv.FormatFloat(v, fmt, prec, 64)}; a negative {@code prec} means shortest. */
    public static String format(double v, char fmt, int prec) {
        if ("eEfgGxXb".indexOf(fmt) < 0) {
            return "%" + fmt; // what Go returns for an unknown format
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = (Double.doubleToRawLongBits(v) < 0);
        if (fmt == 'x' || fmt == 'X') {
            return (neg ? "-" : "") + formatHex(Math.abs(v), fmt, prec);
        }
        if (fmt == 'b') {
            return (neg ? "-" : "") + formatBinaryExponent(Math.abs(v));
        }
        double abs = Math.abs(v);
        boolean shortest = prec < 0;
        Digits digs;
        if (shortest) {
            digs = shortestDigits(abs);
            switch (fmt) {
                case 'e', 'E' -> prec = Math.max(digs.nd() - 1, 0);
                case 'f' -> prec = Math.max(digs.nd() - digs.dp(), 0);
                default -> prec = digs.nd();
            }
        } else {
            digs = roundedDigits(abs, fmt, prec);
            if ((fmt == 'g' || fmt == 'G') && prec == 0) {
                prec = 1;
            }
        }
        StringBuilder out = new StringBuilder(24);
        if (neg) {
            out.append('-');
        }
        formatDigits(out, shortest, digs, prec, fmt);
        return out.toString();
    }

    /** Decimal digits without trailing zeros: the value is {@code 0.<digits> * 10^dp}; zero has no digits. */
    public record Digits(String digits, int dp) {
        int nd() {
            return digits.length();
        }

        char at(int i) {
            return digits.charAt(i);
        }

        static Digits of(BigDecimal value) {
            if (value.signum() == 0) {
                return new Digits("", 0);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            String s = stripped.unscaledValue().toString();
            return new Digits(s, s.length() - stripped.scale());
        }
    }

    /**
     * {@code abs} rounded to a precision, ties to even on the exact binary value. Most precisions are answered from
     * the shortest digits (see {@link #roundShortest}); exact arithmetic, slow while the JIT has not compiled it, is
     * left for the rest.
     */
    static Digits roundedDigits(double abs, char fmt, int prec) {
        if (abs >= Double.MIN_NORMAL) {
            Digits shortest = shortestDigits(abs);
            int keep = switch (fmt) {
                case 'e', 'E' -> prec + 1;
                case 'f' -> shortest.dp() + prec;
                default -> Math.max(prec, 1);
            };
            Digits rounded = keep >= 1 && keep < MAX_UNIQUE_DIGITS ? roundShortest(shortest, keep) : null;
            if (rounded != null) {
                return rounded;
            }
        }
        return exactRoundedDigits(abs, fmt, prec);
    }

    /**
     * The shortest digits rounded to {@code keep < 15} significant digits, which is the exact value rounded, unless
     * they end on the tie (null). A rounding boundary has at most 15 digits, and no decimal of at most 15 digits
     * other than the shortest lies among the reals that round to the value (see {@link #MAX_UNIQUE_DIGITS}): no
     * boundary lies between the value and its shortest digits, so both round the same way, except when the shortest
     * digits are the boundary itself and only the exact value can tell the side.
     */
    private static Digits roundShortest(Digits shortest, int keep) {
        if (shortest.nd() <= keep) {
            return shortest;
        }
        char next = shortest.at(keep);
        if (next == '5' && shortest.nd() == keep + 1) {
            return null;
        }
        String kept = shortest.digits().substring(0, keep);
        if (next < '5') {
            int end = keep;
            while (kept.charAt(end - 1) == '0') {
                end--;
            }
            return new Digits(kept.substring(0, end), shortest.dp());
        }
        int last = keep - 1;
        while (last >= 0 && kept.charAt(last) == '9') {
            last--;
        }
        if (last < 0) {
            return new Digits("1", shortest.dp() + 1);
        }
        return new Digits(kept.substring(0, last) + (char) (kept.charAt(last) + 1), shortest.dp());
    }

    /** {@link #roundedDigits} with exact arithmetic. */
    static Digits exactRoundedDigits(double abs, char fmt, int prec) {
        BigDecimal exact = new BigDecimal(abs);
        if (exact.signum() == 0) {
            return Digits.of(exact);
        }
        BigDecimal rounded = switch (fmt) {
            case 'e', 'E' -> exact.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
            case 'f' -> exact.setScale(prec, RoundingMode.HALF_EVEN);
            default -> exact.round(new MathContext(Math.max(prec, 1), RoundingMode.HALF_EVEN));
        };
        return Digits.of(rounded);
    }

    /**
     * The shortest decimal inside the interval of reals that round to {@code abs} (bounds included when the mantissa
     * is even, as IEEE round-to-even then maps them back), choosing the nearer of two candidates, ties to even; this
     * is what Go's Ryu and {@code roundShortest} produce.
     */
    public static Digits shortestDigits(double abs) {
        String javaString = Double.toString(abs);
        boolean normal = abs >= Double.MIN_NORMAL;
        return normal && significantDigits(javaString) <= MAX_UNIQUE_DIGITS ? digitsOf(javaString)
                : exactShortestDigits(abs, javaString);
    }

    /** {@link #shortestDigits}, searched with exact arithmetic (slow while the JIT has not compiled it). */
    static Digits exactShortestDigits(double abs, String javaString) {
        long bits = Double.doubleToRawLongBits(abs);
        int biasedExp = (int) (bits >>> MANTISSA_BITS);
        long mant = bits & ((1L << MANTISSA_BITS) - 1);
        if (biasedExp == 0 && mant == 0) {
            return new Digits("", 0);
        }
        int exp2;
        if (biasedExp == 0) {
            exp2 = 1 - EXPONENT_BIAS;
        } else {
            mant |= 1L << MANTISSA_BITS;
            exp2 = biasedExp - EXPONENT_BIAS;
        }
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal upper = scaledByPowerOfTwo(2 * mant + 1, exp2 - 1);
        // Below a power of two the next smaller double is only half as far away.
        BigDecimal lower = (mant > 1L << MANTISSA_BITS || biasedExp <= 1)
                ? scaledByPowerOfTwo(2 * mant - 1, exp2 - 1)
                : scaledByPowerOfTwo(4 * mant - 1, exp2 - 2);
        Interval interval = new Interval(exact, lower, upper, mant % 2 == 0);
        // Java's Double.toString round-trips but is not always shortest before JDK 19: start from its length and
        // shorten while a shorter decimal still fits (if k digits fit, k+1 digits fit too).
        int n = significantDigits(javaString);
        BigDecimal best = interval.nearestWithDigits(n);
        while (n > 1) {
            BigDecimal shorter = interval.nearestWithDigits(n - 1);
            if (shorter == null) {
                break;
            }
            best = shorter;
            n--;
        }
        return Digits.of(best);
    }

    /** The digits and decimal point of a {@code Double.toString} result, e.g. {@code 5.0E-4} or {@code 123.25}. */
    private static Digits digitsOf(String javaString) {
        int e = javaString.indexOf('E');
        String mantissa = e < 0 ? javaString : javaString.substring(0, e);
        int point = mantissa.indexOf('.');
        String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
        int dp = point + (e < 0 ? 0 : Integer.parseInt(javaString.substring(e + 1)));
        int first = 0;
        while (first < digits.length() && digits.charAt(first) == '0') {
            first++;
        }
        int end = digits.length();
        while (end > first && digits.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(digits.substring(first, end), dp - first);
    }

    /** Digits between the first and last non-zero digits of a {@code Double.toString} result (at least 1). */
    private static int significantDigits(String javaString) {
        int end = javaString.indexOf('E');
        end = end < 0 ? javaString.length() : end;
        int first = 0;
        while (first < end && (javaString.charAt(first) == '0' || javaString.charAt(first) == '.')) {
            first++;
        }
        int last = end - 1;
        while (last > first && (javaString.charAt(last) == '0' || javaString.charAt(last) == '.')) {
            last--;
        }
        int point = javaString.indexOf('.');
        int digits = last - first + 1 - (point > first && point < last ? 1 : 0);
        return Math.max(1, digits);
    }

    /** The reals that round to one double: (lower, upper), bounds included when the mantissa is even. */
    private record Interval(BigDecimal exact, BigDecimal lower, BigDecimal upper, boolean inclusive) {
        /** The n-digit decimal inside the interval nearest to the exact value (ties to even), or null. */
        BigDecimal nearestWithDigits(int n) {
            BigDecimal down = exact.round(new MathContext(n, RoundingMode.DOWN));
            if (down.compareTo(exact) == 0) {
                return exact;
            }
            int leading = exact.precision() - exact.scale() - 1; // exact = d.ddd * 10^leading
            BigDecimal up = down.add(BigDecimal.ONE.scaleByPowerOfTen(leading - n + 1));
            int downVsLower = down.compareTo(lower);
            int upVsUpper = up.compareTo(upper);
            boolean okDown = downVsLower > 0 || (inclusive && downVsLower == 0);
            boolean okUp = upVsUpper < 0 || (inclusive && upVsUpper == 0);
            if (okDown && okUp) {
                int nearer = exact.subtract(down).compareTo(up.subtract(exact));
                boolean downIsEven = !down.unscaledValue().testBit(0);
                return nearer < 0 || (nearer == 0 && downIsEven) ? down : up;
            }
            return okDown ? down : okUp ? up : null;
        }
    }

    /** strconv's fmtB: the integer mantissa and its power of two, e.g. {@code 4503599627370496p-52} for 1. */
    private static String formatBinaryExponent(double abs) {
        long bits = Double.doubleToRawLongBits(abs);
        int biasedExp = (int) (bits >>> MANTISSA_BITS);
        long mant = bits & ((1L << MANTISSA_BITS) - 1);
        int exp = biasedExp == 0 ? 1 - EXPONENT_BIAS : biasedExp - EXPONENT_BIAS;
        if (biasedExp != 0) {
            mant |= 1L << MANTISSA_BITS;
        }
        return mant + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    // strconv's fmtX: 0x1.fffp+dd with the leading 1 normalised (also for subnormals), rounded half to even.
    private static String formatHex(double abs, char fmt, int prec) {
        long bits = Double.doubleToRawLongBits(abs);
        int biasedExp = (int) (bits >>> MANTISSA_BITS);
        long mant = bits & ((1L << MANTISSA_BITS) - 1);
        int exp;
        if (biasedExp == 0) {
            exp = 1 - 1023;
        } else {
            mant |= 1L << MANTISSA_BITS;
            exp = biasedExp - 1023;
        }
        if (mant == 0) {
            exp = 0;
        }
        mant <<= 60 - MANTISSA_BITS;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > 1L << 59) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder out = new StringBuilder("0").append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            out.append('.');
            while (mant != 0) {
                out.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                out.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        return out.append(exp).toString();
    }

    /** {@code m * 2^k} exactly. */
    private static BigDecimal scaledByPowerOfTwo(long m, int k) {
        BigInteger mant = BigInteger.valueOf(m);
        if (k >= 0) {
            return new BigDecimal(mant.shiftLeft(k));
        }
        return new BigDecimal(mant.multiply(BigInteger.valueOf(5).pow(-k)), -k);
    }

    private static void formatDigits(StringBuilder out, boolean shortest, Digits digs, int prec, char fmt) {
        switch (fmt) {
            case 'e', 'E' -> fmtE(out, digs, prec, fmt);
            case 'f' -> fmtF(out, digs, prec);
            default -> {
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                // Go: "if precision was the shortest possible, use precision 6 for this decision". fmt's %v uses
                // exactly this ('g', -1), so {{ $value }} of 1e6 is 1e+06 and of 123456 is 123456 (checked with
                // promtool 2.42); the exponent threshold 21 belongs to encoding/json and JavaScript, not to fmt.
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    fmtE(out, digs, Math.min(prec, digs.nd()) - 1, fmt == 'g' ? 'e' : 'E');
                } else {
                    fmtF(out, digs, Math.max((prec > digs.dp() ? digs.nd() : prec) - digs.dp(), 0));
                }
            }
        }
    }

    private static void fmtE(StringBuilder out, Digits d, int prec, char expChar) {
        out.append(d.nd() == 0 ? '0' : d.at(0));
        if (prec > 0) {
            out.append('.');
            for (int i = 1; i <= prec; i++) {
                out.append(i < d.nd() ? d.at(i) : '0');
            }
        }
        out.append(expChar);
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        out.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        out.append(exp);
    }

    private static void fmtF(StringBuilder out, Digits d, int prec) {
        if (d.dp() > 0) {
            for (int i = 0; i < d.dp(); i++) {
                out.append(i < d.nd() ? d.at(i) : '0');
            }
        } else {
            out.append('0');
        }
        if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                int j = d.dp() + i;
                out.append(j >= 0 && j < d.nd() ? d.at(j) : '0');
            }
        }
    }
}
