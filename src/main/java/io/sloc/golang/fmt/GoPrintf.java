package io.sloc.golang.fmt;

import io.sloc.golang.strconv.GoFloat;
import io.sloc.golang.strconv.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code fmt.Sprintf}, {@code Sprint} and {@code Sprintln} over the values described in {@link GoValue}: the
 * verbs {@code %v %s %d %f %F %g %G %e %E %q %x %X %o %b %c %U %t %T %%}, flags {@code -+ 0#}, width and precision
 * (also {@code *} and {@code [n]} argument indexes), and Go's in-band errors such as {@code %!d(string=x)},
 * {@code %!v(MISSING)}, {@code %!(EXTRA int=1)} and {@code %!(NOVERB)}.
 *
 * <p>Follows Go 1.19's {@code fmt} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoPrintf {
    private final StringBuilder buf = new StringBuilder();
    private boolean widPresent;
    private boolean precPresent;
    private boolean minus;
    private boolean plus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private int wid;
    private int prec;
    private boolean reordered;
    private boolean goodArgNum;

    private GoPrintf() {
    }

    /** {@code fmt.Sprintf(format, args...)}. */
    public static String sprintf(String format, Object... args) {
        GoPrintf p = new GoPrintf();
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    /** {@code fmt.Sprint(args...)}: spaces only between operands when neither is a string. */
    public static String sprint(Object... args) {
        GoPrintf p = new GoPrintf();
        boolean prevString = false;
        for (int i = 0; i < args.length; i++) {
            boolean isString = args[i] instanceof String;
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.clearFlags();
            p.printArg(args[i], 'v');
            prevString = isString;
        }
        return p.buf.toString();
    }

    /** {@code fmt.Sprintln(args...)}: operands always separated by spaces, newline appended. */
    public static String sprintln(Object... args) {
        GoPrintf p = new GoPrintf();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.clearFlags();
            p.printArg(args[i], 'v');
        }
        return p.buf.append('\n').toString();
    }

    private void clearFlags() {
        widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
        wid = prec = 0;
    }

    // A port of fmt's doPrintf; the index/position bookkeeping follows Go's so that malformed formats fail alike.
    private void doPrintf(String format, Object[] a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        reordered = false;
        int i = 0;
        formatLoop:
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            simpleFormat:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> sharp = true;
                    case '0' -> zero = !minus; // only allow zero padding to the left
                    case '+' -> plus = true;
                    case '-' -> {
                        minus = true;
                        zero = false;
                    }
                    case ' ' -> space = true;
                    default -> {
                        if ('a' <= c && c <= 'z' && argNum < a.length) {
                            if (c == 'v') {
                                moveFlagsForV();
                            }
                            printArg(a[argNum], c);
                            argNum++;
                            i++;
                            continue formatLoop;
                        }
                        break simpleFormat;
                    }
                }
            }

            int[] index = argNumber(argNum, format, i, a.length);
            argNum = index[0];
            i = index[1];
            afterIndex = index[2] != 0;

            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer n = intFromArg(a, argNum);
                argNum++;
                widPresent = n != null;
                wid = n == null ? 0 : n;
                if (!widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (wid < 0) {
                    wid = -wid;
                    minus = true;
                    zero = false;
                }
                afterIndex = false;
            } else {
                int[] num = parseNum(format, i, end);
                wid = num[0];
                widPresent = num[1] != 0;
                i = num[2];
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }

            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                index = argNumber(argNum, format, i, a.length);
                argNum = index[0];
                i = index[1];
                afterIndex = index[2] != 0;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer n = intFromArg(a, argNum);
                    argNum++;
                    precPresent = n != null;
                    prec = n == null ? 0 : n;
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (!precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int[] num = parseNum(format, i, end);
                    prec = num[0];
                    precPresent = true; // "%.f" means precision 0
                    i = num[2];
                }
            }

            if (!afterIndex) {
                index = argNumber(argNum, format, i, a.length);
                argNum = index[0];
                i = index[1];
            }

            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);

            if (verb == '%') {
                buf.append('%'); // does not take an operand; ignores width and precision
            } else if (!goodArgNum) {
                buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            } else if (argNum >= a.length) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    moveFlagsForV();
                }
                printArg(a[argNum], verb);
                argNum++;
            }
        }

        if (!reordered && argNum < a.length) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.length; k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                if (a[k] == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoValue.typeName(a[k])).append('=');
                    printArg(a[k], 'v');
                }
            }
            buf.append(')');
        }
    }

    /** {@code %#v} and {@code %+v} are distinct formats rather than flags. */
    private void moveFlagsForV() {
        sharpV = sharp;
        sharp = false;
        plusV = plus;
        plus = false;
    }

    /** {@code [n]} argument index: returns {new argNum, new i, found}. */
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return new int[] {argNum, i, 0};
        }
        reordered = true;
        String rest = format.substring(i);
        int index = 0;
        int width = 1;
        boolean ok = false;
        if (rest.length() >= 3) {
            for (int k = 1; k < rest.length(); k++) {
                if (rest.charAt(k) == ']') {
                    int[] num = parseNum(rest, 1, k);
                    width = k + 1;
                    if (num[1] != 0 && num[2] == k) {
                        index = num[0] - 1;
                        ok = true;
                    }
                    break;
                }
            }
        }
        if (ok && index >= 0 && index < numArgs) {
            return new int[] {index, i + width, 1};
        }
        goodArgNum = false;
        return new int[] {argNum, i + width, ok ? 1 : 0};
    }

    /** Go's parsenum: {num, isNum, newI}. */
    private static int[] parseNum(String s, int start, int end) {
        if (start >= end) {
            return new int[] {0, 0, end};
        }
        int num = 0;
        boolean isNum = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (num > 1_000_000 || num < -1_000_000) {
                return new int[] {0, 0, end}; // overflow; most likely a crazy long number
            }
            num = num * 10 + (s.charAt(i) - '0');
            isNum = true;
        }
        return new int[] {num, isNum ? 1 : 0, i};
    }

    private static Integer intFromArg(Object[] a, int argNum) {
        if (argNum >= a.length) {
            return null;
        }
        Object arg = a[argNum];
        if (arg instanceof Integer || arg instanceof Long) {
            long n = ((Number) arg).longValue();
            if (n > 1_000_000 || n < -1_000_000) {
                return null;
            }
            return (int) n;
        }
        return null;
    }

    private void printArg(Object arg, int verb) {
        if (arg == null) {
            if (verb == 'T' || verb == 'v') {
                padString("<nil>");
            } else {
                badVerb(null, verb);
            }
            return;
        }
        if (verb == 'T') {
            padString(truncate(GoValue.typeName(arg)));
            return;
        }
        if (arg instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                padString(b ? "true" : "false");
            } else {
                badVerb(arg, verb);
            }
        } else if (arg instanceof Double d) {
            printFloat(arg, d, verb);
        } else if (arg instanceof Long || arg instanceof Integer) {
            printInteger(arg, ((Number) arg).longValue(), verb);
        } else if (arg instanceof String s) {
            printString(arg, s, verb);
        } else if (arg instanceof Map<?, ?> map) {
            buf.append(sharpV ? GoValue.typeName(arg) + "{" : "map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    buf.append(sharpV ? ", " : " ");
                }
                first = false;
                printArg(e.getKey(), verb);
                buf.append(':');
                printArg(e.getValue(), verb);
            }
            buf.append(sharpV ? '}' : ']');
        } else if (arg instanceof List<?> list) {
            buf.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    buf.append(' ');
                }
                printArg(list.get(i), verb);
            }
            buf.append(']');
        } else if (arg instanceof GoValue g) {
            if (verb == 'v' || verb == 's') {
                padString(g.goString());
            } else {
                badVerb(arg, verb);
            }
        } else {
            padString(arg.toString());
        }
    }

    private void badVerb(Object arg, int verb) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg != null) {
            buf.append(GoValue.typeName(arg)).append('=');
            printArg(arg, 'v');
        } else {
            buf.append("<nil>");
        }
        buf.append(')');
    }

    private void printFloat(Object arg, double v, int verb) {
        switch (verb) {
            case 'v' -> formatFloat(v, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> formatFloat(v, (char) verb, -1);
            case 'f', 'F' -> formatFloat(v, 'f', 6);
            case 'e', 'E' -> formatFloat(v, (char) verb, 6);
            default -> badVerb(arg, verb);
        }
    }

    // fmt.fmtFloat: sign handling, zero padding after the sign, and the '#' flag.
    private void formatFloat(double v, char verb, int defaultPrec) {
        int p = precPresent ? prec : defaultPrec;
        String num = GoFloat.format(v, verb, p);
        num = (num.charAt(0) == '-' || num.charAt(0) == '+') ? num : "+" + num;
        if (space && num.charAt(0) == '+' && !plus) {
            num = " " + num.substring(1);
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num = num.substring(1);
            }
            padString(num);
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            num = withSharp(num, verb, p);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            padString(num);
            return;
        }
        padString(num.substring(1));
    }

    /** The '#' flag: always a decimal point, and %g keeps its trailing zeros. */
    private static String withSharp(String num, char verb, int p) {
        int digits = 0;
        if (verb == 'g' || verb == 'G' || verb == 'x') {
            digits = p == -1 ? 6 : p;
        }
        String tail = "";
        boolean hex = verb == 'x' || verb == 'X';
        int expAt = hex ? Math.max(num.indexOf('p'), num.indexOf('P')) : Math.max(num.indexOf('e'), num.indexOf('E'));
        if (expAt > 0) {
            tail = num.substring(expAt);
            num = num.substring(0, expAt);
        }
        boolean hasDecimalPoint = false;
        boolean sawNonzeroDigit = false;
        for (int i = 1; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == '.') {
                hasDecimalPoint = true;
                continue;
            }
            if (c != '0') {
                sawNonzeroDigit = true;
            }
            if (sawNonzeroDigit) {
                digits--;
            }
        }
        StringBuilder out = new StringBuilder(num);
        if (!hasDecimalPoint) {
            if (num.length() == 2 && num.charAt(1) == '0') {
                digits--; // a leading 0 counts once
            }
            out.append('.');
        }
        for (; digits > 0; digits--) {
            out.append('0');
        }
        return out.append(tail).toString();
    }

    private void printInteger(Object arg, long v, int verb) {
        switch (verb) {
            case 'v', 'd' -> formatInteger(v, 10, verb, false);
            case 'b' -> formatInteger(v, 2, verb, false);
            case 'o', 'O' -> formatInteger(v, 8, verb, false);
            case 'x' -> formatInteger(v, 16, verb, false);
            case 'X' -> formatInteger(v, 16, verb, true);
            case 'c' -> padString(GoQuote.isValidRune(v) ? new String(Character.toChars((int) v)) : "\uFFFD");
            case 'q' -> padString(GoQuote.quoteRune(GoQuote.isValidRune(v) ? (int) v : 0xFFFD, plus));
            case 'U' -> formatUnicode(v);
            default -> badVerb(arg, verb);
        }
    }

    // fmt.fmtInteger: precision or zero flag give leading zeros, then prefixes and sign, then padding.
    private void formatInteger(long v, int base, int verb, boolean upper) {
        boolean negative = v < 0;
        int minDigits = 0;
        if (precPresent) {
            minDigits = prec;
            if (prec == 0 && v == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            minDigits = wid;
            if (negative || plus || space) {
                minDigits--;
            }
        }
        String digits = Long.toUnsignedString(negative ? -v : v, base);
        if (v == Long.MIN_VALUE) {
            digits = new java.math.BigInteger(Long.toString(v)).negate().toString(base);
        }
        if (upper) {
            digits = digits.toUpperCase();
        }
        StringBuilder s = new StringBuilder();
        for (int k = digits.length(); k < minDigits; k++) {
            s.append('0');
        }
        s.append(digits);
        if (sharp) {
            switch (base) {
                case 2 -> s.insert(0, "0b");
                case 8 -> {
                    if (s.charAt(0) != '0') {
                        s.insert(0, '0');
                    }
                }
                case 16 -> s.insert(0, upper ? "0X" : "0x");
                default -> {
                }
            }
        }
        if (verb == 'O') {
            s.insert(0, "0o");
        }
        if (negative) {
            s.insert(0, '-');
        } else if (plus) {
            s.insert(0, '+');
        } else if (space) {
            s.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        padString(s.toString());
        zero = oldZero;
    }

    private void formatUnicode(long v) {
        String hex = Long.toHexString(v).toUpperCase();
        StringBuilder s = new StringBuilder("U+");
        int minDigits = Math.max(4, precPresent ? prec : 0);
        for (int k = hex.length(); k < minDigits; k++) {
            s.append('0');
        }
        s.append(hex);
        if (sharp && GoQuote.isValidRune(v) && GoQuote.isPrint((int) v)) {
            s.append(" '").appendCodePoint((int) v).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        padString(s.toString());
        zero = oldZero;
    }

    private void printString(Object arg, String s, int verb) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    formatQuoted(s);
                } else {
                    padString(truncate(s));
                }
            }
            case 's' -> padString(truncate(s));
            case 'x' -> formatHexString(s, "0123456789abcdefx");
            case 'X' -> formatHexString(s, "0123456789ABCDEFX");
            case 'q' -> formatQuoted(s);
            default -> badVerb(arg, verb);
        }
    }

    private String truncate(String s) {
        if (!precPresent) {
            return s;
        }
        int n = prec;
        for (int i = 0; i < s.length(); ) {
            if (--n < 0) {
                return s.substring(0, i);
            }
            i += Character.charCount(s.codePointAt(i));
        }
        return s;
    }

    private void formatQuoted(String s) {
        s = truncate(s);
        if (sharp && GoQuote.canBackquote(s)) {
            padString("`" + s + "`");
        } else {
            padString(plus ? GoQuote.quoteToAscii(s) : GoQuote.quote(s));
        }
    }

    // fmt.fmtSbx: the bytes in hex, optionally "0x"-prefixed and space-separated.
    private void formatHexString(String s, String digits) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int length = precPresent && prec < bytes.length ? prec : bytes.length;
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = bytes[i] & 0xFF;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    private void writePadding(int n) {
        char padChar = zero ? '0' : ' ';
        for (int k = 0; k < n; k++) {
            buf.append(padChar);
        }
    }

    private void padString(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }
}
