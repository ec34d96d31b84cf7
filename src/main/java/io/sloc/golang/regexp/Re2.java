package io.sloc.golang.regexp;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles RE2-syntax regexes (Go's regexp package, as Prometheus uses it) to java.util.regex with Go's meaning:
 * {@code .} does not match {@code \n} only, {@code $} is the end of text, {@code \s} is ASCII, {@code (?U)}
 * swaps greediness, {@code (?P<name>re)} names a group, and what RE2 rejects (backreferences, lookarounds,
 * possessive or nested repetitions, unknown escapes) is rejected with Go's error text.
 *
 * <p>Follows Go 1.19's {@code regexp/syntax} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class Re2 {
    /** A translated regex: the Java pattern and Go's group names (name to group number). */
    public record Regex(Pattern pattern, Map<String, Integer> namedGroups) {
        public Regex {
            namedGroups = Collections.unmodifiableMap(new LinkedHashMap<>(namedGroups));
        }

        /**
         * Go's {@code Regexp.ExpandString} of a match of this regex: {@code $1}, {@code ${1}}, {@code $name},
         * {@code $$}; unknown groups expand to "", a malformed reference is literal text.
         */
        public String expand(String template, Matcher m) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < template.length()) {
                int dollar = template.indexOf('$', i);
                if (dollar < 0) {
                    break;
                }
                sb.append(template, i, dollar);
                i = dollar + 1;
                if (i < template.length() && template.charAt(i) == '$') {
                    sb.append('$');
                    i++;
                    continue;
                }
                boolean brace = i < template.length() && template.charAt(i) == '{';
                int nameStart = brace ? i + 1 : i;
                int j = nameStart;
                while (j < template.length()) {
                    int cp = template.codePointAt(j);
                    if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                        break;
                    }
                    j += Character.charCount(cp);
                }
                if (j == nameStart || (brace && (j >= template.length() || template.charAt(j) != '}'))) {
                    sb.append('$'); // malformed: the $ is literal text
                    continue;
                }
                String name = template.substring(nameStart, j);
                i = brace ? j + 1 : j;
                sb.append(group(m, name));
            }
            sb.append(template, Math.min(i, template.length()), template.length());
            return sb.toString();
        }

        private String group(Matcher m, String name) {
            int num = 0;
            for (int k = 0; k < name.length(); k++) {
                char ch = name.charAt(k);
                if (ch < '0' || ch > '9' || num >= 100_000_000) {
                    num = -1;
                    break;
                }
                num = num * 10 + (ch - '0');
            }
            if (name.charAt(0) == '0' && name.length() > 1) {
                num = -1;
            }
            if (num < 0) {
                num = namedGroups.getOrDefault(name, -1);
            }
            String g = num >= 0 && num <= m.groupCount() ? m.group(num) : null;
            return g == null ? "" : g;
        }
    }

    private static final int MAX_REPEAT = 1000;
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "Alnum"), Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"),
            Map.entry("blank", "Blank"), Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"),
            Map.entry("graph", "Graph"), Map.entry("lower", "Lower"), Map.entry("print", "Print"),
            Map.entry("punct", "Punct"), Map.entry("space", "Space"), Map.entry("upper", "Upper"),
            Map.entry("xdigit", "XDigit"));
    private static final String GO_SPACE = "\\t\\n\\f\\r ";

    private Re2() {
    }

    /**
     * Prometheus's anchoring {@code ^(?:re)$}, as used by label matchers and label_replace.
     *
     * @throws PatternSyntaxException whose description is Go's message, e.g.
     *     {@code error parsing regexp: missing closing ): `^(?:()$`}
     */
    public static Pattern compileAnchored(String re2) {
        return compileAnchored(re2, false);
    }

    /** {@link #compileAnchored(String)}, or with {@code dotAll} Prometheus 3's {@code ^(?s:re)$} ('.' matches \n). */
    public static Pattern compileAnchored(String re2, boolean dotAll) {
        Pattern anchored = compile((dotAll ? "^(?s:" : "^(?:") + re2 + ")$").pattern();
        // Prometheus's FastRegexMatcher also parses the bare regex, which catches a ')' the wrapper balances.
        new Translator(re2).translate();
        return anchored;
    }

    /** @throws PatternSyntaxException whose description is Go's message */
    public static Regex compile(String re2) {
        Translator t = new Translator(re2);
        String java = t.translate();
        try {
            return new Regex(Pattern.compile(java, Pattern.UNICODE_CASE), t.names);
        } catch (PatternSyntaxException e) {
            // The translation only emits valid Java syntax; anything left is a construct RE2 lacks too.
            throw t.error("invalid or unsupported Perl syntax", re2);
        }
    }

    private static final class Translator {
        private final String re;
        private final StringBuilder out = new StringBuilder();
        private final Map<String, Integer> names = new LinkedHashMap<>();
        private final Deque<Flags> groups = new ArrayDeque<>();
        private Flags flags = new Flags(false, false, false, false);
        private int pos;
        private int captures;
        /** Whether the last item can take a repetition operator, and the text of the last operator (Go's lastRepeat). */
        private boolean operand;
        private String lastRepeat;
        private String pendingFlags;

        Translator(String re) {
            this.re = re;
        }

        String translate() {
            while (pos < re.length()) {
                int start = pos;
                char c = re.charAt(pos++);
                String repeat = null;
                if ("*+?{".indexOf(c) < 0) {
                    flushFlags();
                }
                switch (c) {
                    case '(':
                        if (!openGroup(start)) {
                            operand = false;
                        }
                        break;
                    case ')':
                        if (groups.isEmpty()) {
                            throw error("unexpected )", re);
                        }
                        out.append(')');
                        flags = groups.pop();
                        operand = true;
                        break;
                    case '|':
                        out.append('|');
                        operand = false;
                        break;
                    case '*':
                    case '+':
                    case '?':
                        repeat = repetition(start, String.valueOf(c));
                        break;
                    case '{':
                        String counts = repeatCounts(start);
                        if (counts == null) {
                            flushFlags();
                            literal('{');
                        } else {
                            repeat = repetition(start, counts);
                        }
                        break;
                    case '.':
                        out.append(flags.dotAll ? "(?s:.)" : "[^\\n]");
                        operand = true;
                        break;
                    case '^':
                        // Grouped: Go lets assertions take repetition operators (^*), Java does not.
                        out.append(flags.multiLine ? "(?:\\A|(?<=\\n))" : "(?:\\A)");
                        operand = true;
                        break;
                    case '$':
                        out.append(flags.multiLine ? "(?=\\n|\\z)" : "(?:\\z)");
                        operand = true;
                        break;
                    case '[':
                        characterClass(start);
                        operand = true;
                        break;
                    case '\\':
                        escape(start, false);
                        break;
                    default:
                        literal(c);
                }
                lastRepeat = repeat;
            }
            if (!groups.isEmpty()) {
                throw error("missing closing )", re);
            }
            flushFlags();
            return out.toString();
        }

        /**
         * Emits a pending {@code (?flags)}. Go lets a repetition follow a flag group and apply to the item before
         * it ({@code $(?i)?}); Java would not, so the flags are written after such a repetition.
         */
        private void flushFlags() {
            if (pendingFlags != null) {
                out.append(pendingFlags);
                pendingFlags = null;
            }
        }

        private void literal(int c) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(c);
            operand = true;
        }

        private String repetition(int start, String op) {
            boolean lazy = pos < re.length() && re.charAt(pos) == '?';
            if (lazy) {
                pos++;
            }
            if (!operand) {
                throw error("missing argument to repetition operator", re.substring(start, pos));
            }
            if (lastRepeat != null) {
                throw error("invalid nested repetition operator", lastRepeat + re.substring(start, pos));
            }
            out.append(op);
            if (lazy != flags.ungreedy) {
                out.append('?');
            }
            flushFlags();
            return re.substring(start, pos);
        }

        /** {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code start}; null when it is a literal brace, as in Go. */
        private String repeatCounts(int start) {
            int close = re.indexOf('}', start);
            if (close < 0) {
                return null;
            }
            String body = re.substring(start + 1, close);
            if (!body.matches("[0-9]+(,[0-9]*)?")) {
                return null;
            }
            String[] parts = body.split(",", -1);
            int min = parseCount(parts[0]);
            int max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : parseCount(parts[1]);
            pos = close + 1;
            if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
                throw error("invalid repeat count", re.substring(start, pos));
            }
            return re.substring(start, pos);
        }

        private static int parseCount(String digits) {
            return digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }

        /** Returns true for a flag-only group {@code (?flags)}, which leaves the item before it repeatable. */
        private boolean openGroup(int start) {
            groups.push(flags);
            if (!re.startsWith("?", pos)) {
                captures++;
                out.append('(');
                return false;
            }
            if (re.startsWith("?:", pos)) {
                pos += 2;
                out.append("(?:");
                return false;
            }
            if (re.startsWith("?P<", pos)) {
                int close = re.indexOf('>', pos);
                String name = close < 0 ? "" : re.substring(pos + 3, close);
                if (close < 0 || !name.matches("[A-Za-z0-9_]+")) {
                    throw error("invalid named capture", re.substring(start, close < 0 ? re.length() : close + 1));
                }
                captures++;
                // Go allows a name twice; $name then refers to the first group.
                names.putIfAbsent(name, captures);
                pos = close + 1;
                out.append('(');
                return false;
            }
            // Flags: (?flags) or (?flags:re), flags from "imsU" with an optional '-' part.
            int i = pos + 1;
            boolean negate = false;
            boolean sawFlag = false;
            Flags f = flags;
            StringBuilder javaFlags = new StringBuilder();
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == ':' || c == ')') {
                    break;
                }
                if (c == '-' && !negate) {
                    negate = true;
                    sawFlag = false;
                } else if (c == 'i') {
                    f = new Flags(!negate, f.multiLine, f.dotAll, f.ungreedy);
                    sawFlag = true;
                } else if (c == 'm') {
                    f = new Flags(f.caseInsensitive, !negate, f.dotAll, f.ungreedy);
                    sawFlag = true;
                } else if (c == 's') {
                    f = new Flags(f.caseInsensitive, f.multiLine, !negate, f.ungreedy);
                    sawFlag = true;
                } else if (c == 'U') {
                    f = new Flags(f.caseInsensitive, f.multiLine, f.dotAll, !negate);
                    sawFlag = true;
                } else {
                    throw error("invalid or unsupported Perl syntax", re.substring(start, Math.min(i + 1, re.length())));
                }
                i++;
            }
            if (i >= re.length() || (negate && !sawFlag)) {
                throw error(i >= re.length() ? "missing closing )" : "invalid or unsupported Perl syntax",
                        i >= re.length() ? re : re.substring(start, i + 1));
            }
            javaFlags.append(f.caseInsensitive ? "(?i" : "(?-i");
            pos = i + 1;
            if (re.charAt(i) == ')') {
                // (?flags) changes the flags of the enclosing group until it closes.
                groups.pop();
                flags = f;
                pendingFlags = javaFlags.append(')').toString();
                return true;
            }
            out.append(javaFlags).append(':');
            flags = f;
            return false;
        }

        private void escape(int start, boolean inClass) {
            if (pos >= re.length()) {
                throw error("trailing backslash at end of expression", "");
            }
            char c = re.charAt(pos++);
            operand = true;
            switch (c) {
                case 'd': case 'D': case 'w': case 'W':
                    out.append('\\').append(c);
                    return;
                case 's':
                    out.append(inClass ? GO_SPACE : "[" + GO_SPACE + "]");
                    return;
                case 'S':
                    out.append("[^" + GO_SPACE + "]");
                    return;
                case 'p': case 'P':
                    unicodeClass(start, c == 'P');
                    return;
                case 'a': out.append("\\x07"); return;
                case 'f': out.append("\\f"); return;
                case 't': out.append("\\t"); return;
                case 'n': out.append("\\n"); return;
                case 'r': out.append("\\r"); return;
                case 'v': out.append("\\x0B"); return;
                case 'x':
                    hexEscape(start);
                    return;
                case 'Q':
                    if (inClass) {
                        throw error("invalid escape sequence", re.substring(start, pos));
                    }
                    quoted();
                    return;
                default:
                    break;
            }
            if (!inClass && (c == 'A' || c == 'z')) {
                out.append("(?:\\").append(c).append(')');
                return;
            }
            if (!inClass && (c == 'b' || c == 'B')) {
                // Go's \b is an ASCII word boundary; Java 17's also counts other letters as word characters.
                out.append(c == 'b' ? "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))" : "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))");
                return;
            }
            if (c >= '0' && c <= '7' && (c == '0' || (pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7'))) {
                int end = pos;
                while (end < re.length() && end < pos + 2 && re.charAt(end) >= '0' && re.charAt(end) <= '7') {
                    end++;
                }
                int value = Integer.parseInt(re.substring(pos - 1, end), 8);
                pos = end;
                out.append(String.format("\\x{%x}", value));
                return;
            }
            if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                out.append('\\').append(c);
                return;
            }
            throw error("invalid escape sequence", re.substring(start, pos));
        }

        private void hexEscape(int start) {
            if (pos < re.length() && re.charAt(pos) == '{') {
                // Go's parseEscape: hex digits up to '}'; its error quotes the text up to the offending character.
                int i = pos + 1;
                long value = 0;
                while (true) {
                    if (i >= re.length()) {
                        throw error("invalid escape sequence", re.substring(start));
                    }
                    char c = re.charAt(i++);
                    if (c == '}' && i - pos > 2) {
                        break;
                    }
                    int digit = Character.digit(c, 16);
                    value = value * 16 + digit;
                    if (digit < 0 || c > 'f' || value > Character.MAX_CODE_POINT) {
                        throw error("invalid escape sequence", re.substring(start, i));
                    }
                }
                out.append("\\x{").append(re, pos + 1, i - 1).append('}');
                pos = i;
                return;
            }
            if (pos + 2 > re.length() || !re.substring(pos, pos + 2).matches("[0-9A-Fa-f]{2}")) {
                throw error("invalid escape sequence", re.substring(start, Math.min(pos + 2, re.length())));
            }
            out.append("\\x").append(re, pos, pos + 2);
            pos += 2;
        }

        private void quoted() {
            int end = re.indexOf("\\E", pos);
            String text = end < 0 ? re.substring(pos) : re.substring(pos, end);
            pos = end < 0 ? re.length() : end + 2;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                literal(cp);
            }
        }

        private void unicodeClass(int start, boolean negated) {
            String name;
            if (pos < re.length() && re.charAt(pos) == '{') {
                int close = re.indexOf('}', pos);
                if (close < 0) {
                    throw error("invalid character class range", re.substring(start));
                }
                name = re.substring(pos + 1, close);
                pos = close + 1;
            } else if (pos < re.length()) {
                name = re.substring(pos, pos + 1);
                pos++;
            } else {
                throw error("invalid character class range", re.substring(start));
            }
            if (name.startsWith("^")) {
                negated = !negated;
                name = name.substring(1);
            }
            String javaName;
            if (name.equals("Any")) {
                out.append(negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]");
                return;
            } else if (name.matches("[A-Z][a-z]?")) {
                javaName = name;
            } else {
                javaName = "Is" + name;
            }
            String java = (negated ? "\\P{" : "\\p{") + javaName + "}";
            try {
                Pattern.compile(java);
            } catch (PatternSyntaxException e) {
                throw error("invalid character class range", re.substring(start, pos));
            }
            out.append(java);
        }

        private void characterClass(int start) {
            out.append('[');
            if (pos < re.length() && re.charAt(pos) == '^') {
                out.append('^');
                pos++;
            }
            boolean first = true;
            while (true) {
                if (pos >= re.length()) {
                    throw error("missing closing ]", re.substring(start));
                }
                char c = re.charAt(pos);
                if (c == ']' && !first) {
                    pos++;
                    out.append(']');
                    return;
                }
                first = false;
                if (c == '[' && re.startsWith("[:", pos)) {
                    int close = re.indexOf(":]", pos + 2);
                    if (close >= 0) {
                        String name = re.substring(pos + 2, close);
                        boolean negated = name.startsWith("^");
                        String bare = negated ? name.substring(1) : name;
                        String javaName = POSIX_CLASSES.get(bare);
                        if (bare.equals("word")) {
                            out.append(negated ? "\\W" : "\\w");
                        } else if (javaName == null) {
                            throw error("invalid character class range", re.substring(pos, close + 2));
                        } else {
                            out.append(negated ? "\\P{" : "\\p{").append(javaName).append('}');
                        }
                        pos = close + 2;
                        continue;
                    }
                }
                int rangeStart = pos;
                int low = classChar();
                if (low < 0) {
                    continue;
                }
                if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                    pos++;
                    if (re.startsWith("\\", pos) && pos + 1 < re.length() && "dDwWsSpP".indexOf(re.charAt(pos + 1)) >= 0) {
                        // A class cannot end a range; Go's escape parser rejects it as an escape.
                        throw error("invalid escape sequence", re.substring(pos, pos + 2));
                    }
                    int high = classChar();
                    if (high < 0 || high < low) {
                        throw error("invalid character class range", re.substring(rangeStart, pos));
                    }
                    classLiteral(low);
                    out.append('-');
                    classLiteral(high);
                } else {
                    classLiteral(low);
                }
            }
        }

        /** One character of a class, or -1 when an escape already emitted a whole class such as {@code \d}. */
        private int classChar() {
            int start = pos;
            int cp = re.codePointAt(pos);
            pos += Character.charCount(cp);
            if (cp != '\\') {
                return cp;
            }
            if (pos >= re.length()) {
                throw error("trailing backslash at end of expression", "");
            }
            char c = re.charAt(pos);
            if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                pos++;
                return c;
            }
            int mark = out.length();
            escape(start, true);
            String emitted = out.substring(mark);
            if (emitted.matches("\\\\x\\{[0-9a-fA-F]+\\}|\\\\x[0-9a-fA-F]{2}")) {
                out.setLength(mark);
                String hex = emitted.replaceAll("[\\\\x{}]", "");
                return Integer.parseInt(hex, 16);
            }
            if (emitted.length() == 2 && "\\f\\t\\n\\r".contains(emitted)) {
                out.setLength(mark);
                return "ftnr".indexOf(emitted.charAt(1)) >= 0 ? "\f\t\n\r".charAt("ftnr".indexOf(emitted.charAt(1))) : -1;
            }
            return -1;
        }

        private void classLiteral(int cp) {
            if ("[]\\^-&".indexOf(cp) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        }

        PatternSyntaxException error(String code, String fragment) {
            return new PatternSyntaxException("error parsing regexp: " + code + ": `" + fragment + "`", re, -1);
        }
    }

    private record Flags(boolean caseInsensitive, boolean multiLine, boolean dotAll, boolean ungreedy) {
    }
}
