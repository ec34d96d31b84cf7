package io.sloc.template;

import io.sloc.gofmt.GoQuote;
import io.sloc.template.GoFunction.GoError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's regexp (RE2 syntax) on top of java.util.regex: the pattern is translated where the dialects differ
 * ({@code (?P<n>)}, {@code $} = end of text, POSIX classes, literal {@code [} and {@code &} in classes), RE2's
 * unsupported Perl features are rejected, and ReplaceAllString follows Go's empty-match and {@code $name} rules.
 */
final class GoRegexp {
    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("word", "Alnum"),
            Map.entry("xdigit", "XDigit"));

    private final Pattern pattern;
    private final List<String> groupNames; // index = group number; null for unnamed

    private GoRegexp(Pattern pattern, List<String> groupNames) {
        this.pattern = pattern;
        this.groupNames = groupNames;
    }

    /** {@code regexp.Compile}; the error text follows Go's {@code error parsing regexp: CODE: `EXPR`}. */
    static GoRegexp compile(String expr) throws GoError {
        List<String> names = new ArrayList<>();
        names.add(null);
        String java = translate(expr, names);
        try {
            return new GoRegexp(Pattern.compile(java), names);
        } catch (PatternSyntaxException e) {
            throw new GoError("error parsing regexp: " + goCode(e, expr));
        }
    }

    /** {@code regexp.MustCompile}: its panic text, as template function calls report it. */
    static GoRegexp mustCompile(String expr) throws GoError {
        try {
            return compile(expr);
        } catch (GoError e) {
            String quoted = GoQuote.canBackquote(expr) ? "`" + expr + "`" : GoQuote.quote(expr);
            throw new GoError("regexp: Compile(" + quoted + "): " + e.getMessage());
        }
    }

    boolean matches(String s) {
        return pattern.matcher(s).find();
    }

    /** {@code Regexp.ReplaceAllString}: no replacement for an empty match right after a previous match. */
    String replaceAll(String src, String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = pattern.matcher(src);
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= src.length() && m.find(searchPos)) {
            out.append(src, lastMatchEnd, m.start());
            if (m.end() > lastMatchEnd || m.start() == 0) {
                expand(out, template, m);
            }
            lastMatchEnd = m.end();
            int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 1;
            if (searchPos + width > m.end()) {
                searchPos += width;
            } else if (searchPos + 1 > m.end()) {
                searchPos++;
            } else {
                searchPos = m.end();
            }
        }
        out.append(src, Math.min(lastMatchEnd, src.length()), src.length());
        return out.toString();
    }

    // Regexp.Expand: $$, $name, ${name}; names are the longest run of letters, digits and '_'.
    private void expand(StringBuilder out, String template, Matcher m) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean brace = i < template.length() && template.charAt(i) == '{';
            int nameStart = brace ? i + 1 : i;
            int j = nameStart;
            while (j < template.length()) {
                int r = template.codePointAt(j);
                if (!Character.isLetter(r) && Character.getType(r) != Character.DECIMAL_DIGIT_NUMBER && r != '_') {
                    break;
                }
                j += Character.charCount(r);
            }
            if (j == nameStart || (brace && (j >= template.length() || template.charAt(j) != '}'))) {
                out.append('$'); // malformed: the $ is literal text
                continue;
            }
            String name = template.substring(nameStart, j);
            i = brace ? j + 1 : j;
            int group = -1;
            if (name.matches("[0-9]{1,9}") && !(name.length() > 1 && name.charAt(0) == '0')) {
                group = Integer.parseInt(name);
            } else {
                group = groupNames.indexOf(name);
            }
            if (group >= 0 && group <= m.groupCount() && m.group(group) != null) {
                out.append(m.group(group));
            }
        }
        out.append(template, Math.min(i, template.length()), template.length());
    }

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");

    private static String translate(String expr, List<String> names) throws GoError {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        boolean multiline = expr.matches("^\\(\\?[a-zA-Z]*m[a-zA-Z]*\\).*");
        int lastRepeat = -1; // where the repetition operator just before the current position started
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\\') {
                if (i + 1 >= expr.length()) {
                    throw new GoError("error parsing regexp: trailing backslash at end of expression: ``");
                }
                char e = expr.charAt(i + 1);
                if (e >= '1' && e <= '9' || "kgGRXZ".indexOf(e) >= 0 && !inClass) {
                    throw new GoError("error parsing regexp: invalid escape sequence: `\\" + e + "`");
                }
                lastRepeat = -1;
                if (e == 'Q') {
                    int end = expr.indexOf("\\E", i + 2);
                    String literal = end < 0 ? expr.substring(i + 2) : expr.substring(i + 2, end);
                    out.append(Pattern.quote(literal));
                    i = end < 0 ? expr.length() : end + 1;
                    continue;
                }
                out.append(c).append(e);
                i++;
                continue;
            }
            if (inClass) {
                if (c == '[' && expr.startsWith("[:", i)) {
                    int end = expr.indexOf(":]", i + 2);
                    if (end > 0) {
                        String name = expr.substring(i + 2, end);
                        boolean negated = name.startsWith("^");
                        String java = POSIX.get(negated ? name.substring(1) : name);
                        if (java != null) {
                            out.append(negated ? "\\P{" : "\\p{").append(java).append('}');
                            i = end + 1;
                            continue;
                        }
                    }
                }
                if (c == '[' || c == '&') {
                    out.append('\\').append(c);
                    continue;
                }
                if (c == ']' && !classJustOpened(out)) {
                    inClass = false;
                } else if (i + 2 < expr.length() && expr.charAt(i + 1) == '-' && expr.charAt(i + 2) != ']'
                        && expr.charAt(i + 2) != '\\' && expr.charAt(i + 2) < c) {
                    throw new GoError("error parsing regexp: invalid character class range: `"
                            + expr.substring(i, i + 3) + "`");
                }
                out.append(c);
                continue;
            }
            Matcher repeat = c == '{' ? REPEAT.matcher(expr).region(i, expr.length()) : null;
            boolean isRepeat = c == '*' || c == '+' || c == '?' || (repeat != null && repeat.lookingAt());
            if (isRepeat) {
                int end = repeat != null ? repeat.end() : i + 1;
                if (lastRepeat >= 0) {
                    throw new GoError("error parsing regexp: invalid nested repetition operator: `"
                            + expr.substring(lastRepeat, end) + "`");
                }
                if (repeat != null) {
                    int min = Integer.parseInt(repeat.group(1));
                    String maxText = repeat.group(3);
                    int max = maxText == null ? min : maxText.isEmpty() ? -1 : Integer.parseInt(maxText);
                    if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
                        throw new GoError("error parsing regexp: invalid repeat count: `" + repeat.group() + "`");
                    }
                    out.append(repeat.group());
                } else {
                    out.append(c);
                }
                lastRepeat = i;
                i = end - 1;
                if (expr.startsWith("?", i + 1)) {
                    out.append('?'); // non-greedy: part of this repetition
                    i++;
                }
                continue;
            }
            lastRepeat = -1;
            switch (c) {
                case '[' -> {
                    inClass = true;
                    out.append(c);
                    if (expr.startsWith("^", i + 1)) {
                        out.append('^');
                        i++;
                    }
                    if (expr.startsWith("]", i + 1)) {
                        out.append("\\]");
                        i++;
                    }
                }
                case '(' -> {
                    if (expr.startsWith("(?P<", i)) {
                        int end = expr.indexOf('>', i);
                        names.add(end > 0 ? expr.substring(i + 4, end) : null);
                        out.append("(?<");
                        i += 3;
                    } else if (expr.startsWith("(?<", i) || expr.startsWith("(?=", i) || expr.startsWith("(?!", i)) {
                        throw new GoError("error parsing regexp: invalid or unsupported Perl syntax: `"
                                + expr.substring(i, Math.min(i + 3, expr.length())) + "`");
                    } else {
                        if (!expr.startsWith("(?", i)) {
                            names.add(null);
                        }
                        out.append(c);
                        if (expr.startsWith("(?", i)) {
                            out.append('?'); // the flag group's '?' is no repetition
                            i++;
                        }
                    }
                }
                case '{' -> out.append("\\{"); // not a valid repeat: a literal brace in RE2
                case '$' -> out.append(multiline ? "$" : "\\z");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean classJustOpened(StringBuilder out) {
        int n = out.length();
        return (n >= 1 && out.charAt(n - 1) == '[' && (n < 2 || out.charAt(n - 2) != '\\'))
                || (n >= 2 && out.charAt(n - 1) == '^' && out.charAt(n - 2) == '[');
    }

    private static String goCode(PatternSyntaxException e, String expr) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) {
            return "missing closing ): `" + expr + "`";
        }
        if (d.startsWith("Unmatched closing")) {
            return "unexpected ): `" + expr + "`";
        }
        if (d.startsWith("Unclosed character class")) {
            int open = expr.lastIndexOf('[');
            return "missing closing ]: `" + (open >= 0 ? expr.substring(open) : expr) + "`";
        }
        if (d.startsWith("Dangling meta character")) {
            int at = Math.max(0, Math.min(e.getIndex(), expr.length() - 1));
            return "missing argument to repetition operator: `" + expr.charAt(at) + "`";
        }
        if (d.startsWith("Illegal character range")) {
            return "invalid character class range: `" + expr + "`";
        }
        if (d.contains("escape sequence")) {
            return "invalid escape sequence: `" + expr + "`";
        }
        return d.toLowerCase() + ": `" + expr + "`";
    }
}
