package io.sloc.golang.yaml;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go-yaml's tag resolution (resolve.go), which differs from SnakeYAML's YAML 1.1 resolver: {@code 1:30} and
 * {@code 1e400} are strings, {@code 0o17} and {@code 1e5_0} numbers, and yaml.v3 reads yes/no/on/off as strings.
 *
 * <p>A scalar with an explicit tag ({@code !!int 5}) decoded into a Go value has its text resolved as if it were
 * plain, and decoding fails unless it resolves to the tag given (an int may be read as a float). {@code !!str}
 * accepts anything; tags go-yaml does not resolve ({@code !!seq}, {@code !!map}, local tags) pass as they are;
 * {@code !!binary} must be base64 and decodes to its bytes (decode.go {@code scalar}).
 */
final class GoTags {
    private static final Set<String> RESOLVED = Set.of("!!bool", "!!int", "!!float", "!!null", "!!timestamp");
    private static final Map<String, String> WORDS = words(false);
    /** yaml.v2 still reads YAML 1.1's yes/no/on/off (and y/n) as booleans; yaml.v3 reads them as strings. */
    private static final Map<String, String> WORDS_V2 = words(true);
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.[0-9]+)?"
                    + "(?:Z|[-+][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.[0-9]+)?))?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoTags() {
    }

    /** The tag (short form, {@code !!int}) go-yaml gives a plain scalar without a tag. */
    static String plainTag(String text, boolean v3) {
        return text.equals("<<") ? "!!merge" : resolve(text, true, v3);
    }

    /** go-yaml's message when {@code text} cannot be decoded as {@code tag} (short form, {@code !!int}). */
    static Optional<String> problem(String tag, String text, boolean v3) {
        if (tag.equals("!!binary")) {
            return base64(text).isPresent() ? Optional.empty()
                    : Optional.of("yaml: !!binary value contains invalid base64 data");
        }
        if (!RESOLVED.contains(tag)) {
            return Optional.empty();
        }
        String resolved = resolve(text, tag.equals("!!timestamp"), v3);
        boolean intAsFloat = tag.equals("!!float") && resolved.equals("!!int") && isInt64(text);
        if (resolved.equals(tag) || intAsFloat) {
            return Optional.empty();
        }
        return Optional.of("yaml: cannot decode " + resolved + " `" + text + "` as a " + tag);
    }

    /** The text of a {@code !!binary} scalar decoded (Go's strict standard base64; line breaks are not allowed). */
    static Optional<String> base64(String text) {
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(text);
            return Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The tag go-yaml gives a scalar's text (timestamps only where asked for: plain scalars and {@code !!timestamp});
     * only text starting like a number, a boolean or a null is looked at ({@code <<} is a string here).
     */
    private static String resolve(String text, boolean timestamps, boolean v3) {
        String word = (v3 ? WORDS : WORDS_V2).get(text);
        if (word != null) {
            return word;
        }
        char first = text.isEmpty() ? ' ' : text.charAt(0);
        if (first == '.') {
            return DOT_FLOAT.matcher(text).matches() && isFinite(text) ? "!!float" : "!!str";
        }
        if (first != '+' && first != '-' && (first < '0' || first > '9')) {
            return "!!str";
        }
        if (timestamps && isTimestamp(text)) {
            return "!!timestamp";
        }
        String plain = text.replace("_", "");
        if (goInteger(plain) != null) {
            return "!!int";
        }
        return YAML_FLOAT.matcher(plain).matches() && isFinite(plain) ? "!!float" : "!!str";
    }

    private static boolean isInt64(String text) {
        BigInteger v = goInteger(text.replace("_", ""));
        return v != null && v.compareTo(INT64_MIN) >= 0 && v.compareTo(INT64_MAX) <= 0;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)}, or failing that {@code ParseUint(s, 0, 64)}; null if neither. */
    static BigInteger goInteger(String s) {
        boolean negative = s.startsWith("-");
        boolean signed = negative || s.startsWith("+");
        String digits = signed ? s.substring(1) : s;
        int radix = 10;
        String lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
            radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-")) {
            return null;
        }
        BigInteger v;
        try {
            v = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            return null;
        }
        v = negative ? v.negate() : v;
        boolean int64 = v.compareTo(INT64_MIN) >= 0 && v.compareTo(INT64_MAX) <= 0;
        boolean uint64 = !signed && v.signum() >= 0 && v.compareTo(UINT64_MAX) <= 0;
        return int64 || uint64 ? v : null;
    }

    /** Go's {@code ParseFloat} fails on a value beyond float64's range. */
    private static boolean isFinite(String text) {
        return Double.isFinite(Double.parseDouble(text));
    }

    /** go-yaml's timestamp forms (date, date and time, RFC 3339), with Go's range checks. */
    private static boolean isTimestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return false;
        }
        int time = m.group(4) != null ? 4 : 7;
        return m.group(time) == null || Integer.parseInt(m.group(time)) < 24
                && Integer.parseInt(m.group(time + 1)) < 60 && Integer.parseInt(m.group(time + 2)) < 60;
    }

    private static Map<String, String> words(boolean yaml11) {
        Map<String, String> words = new java.util.HashMap<>();
        for (String w : new String[] {"true", "True", "TRUE", "false", "False", "FALSE"}) {
            words.put(w, "!!bool");
        }
        if (yaml11) {
            for (String w : new String[] {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No",
                "NO", "off", "Off", "OFF"}) {
                words.put(w, "!!bool");
            }
        }
        for (String w : new String[] {"", "~", "null", "Null", "NULL"}) {
            words.put(w, "!!null");
        }
        for (String w : new String[] {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
            "-.inf", "-.Inf", "-.INF"}) {
            words.put(w, "!!float");
        }
        return Map.copyOf(words);
    }
}
