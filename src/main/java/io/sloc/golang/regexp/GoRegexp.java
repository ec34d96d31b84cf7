package io.sloc.golang.regexp;

import io.sloc.golang.GoError;
import io.sloc.golang.strconv.GoQuote;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/**
 * Go's regexp API for templates ({@code match}, {@code reReplaceAll}) over the PromQL engine's RE2 translation
 * ({@link Re2}): Go's panic text for MustCompile and ReplaceAllString's empty-match rules.
 *
 * <p>Follows Go 1.19's {@code regexp} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoRegexp {
    private final Re2.Regex regex;

    private GoRegexp(Re2.Regex regex) {
        this.regex = regex;
    }

    /** {@code regexp.Compile}; the error text follows Go's {@code error parsing regexp: CODE: `EXPR`}. */
    public static GoRegexp compile(String expr) throws GoError {
        try {
            return new GoRegexp(Re2.compile(expr));
        } catch (PatternSyntaxException e) {
            throw new GoError(e.getDescription());
        }
    }

    /** {@code regexp.MustCompile}: its panic text, as template function calls report it. */
    public static GoRegexp mustCompile(String expr) throws GoError {
        try {
            return compile(expr);
        } catch (GoError e) {
            String quoted = GoQuote.canBackquote(expr) ? "`" + expr + "`" : GoQuote.quote(expr);
            throw new GoError("regexp: Compile(" + quoted + "): " + e.getMessage());
        }
    }

    public boolean matches(String s) {
        return regex.pattern().matcher(s).find();
    }

    /** {@code Regexp.ReplaceAllString}: no replacement for an empty match right after a previous match. */
    public String replaceAll(String src, String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = regex.pattern().matcher(src);
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= src.length() && m.find(searchPos)) {
            out.append(src, lastMatchEnd, m.start());
            if (m.end() > lastMatchEnd || m.start() == 0) {
                out.append(regex.expand(template, m));
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
}
