package io.sloc.promql.ast;

import io.sloc.golang.regexp.Re2;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A label matcher. Regex matchers are fully anchored, like Prometheus's {@code ^(?:re)$}; the compiled
 * pattern is not part of equality.
 */
public final class LabelMatcher {
    public enum Type {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String text;

        Type(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Type type;
    private final String name;
    private final String value;
    private final Pattern pattern;

    /** @throws java.util.regex.PatternSyntaxException for an invalid regex */
    public LabelMatcher(Type type, String name, String value) {
        this(type, name, value, false);
    }

    /**
     * With {@code dotMatchesNewline}, '.' in a regex also matches a newline (Prometheus 3).
     *
     * @throws java.util.regex.PatternSyntaxException for an invalid regex
     */
    public LabelMatcher(Type type, String name, String value, boolean dotMatchesNewline) {
        this.type = Objects.requireNonNull(type);
        this.name = Objects.requireNonNull(name);
        this.value = Objects.requireNonNull(value);
        this.pattern = type == Type.REGEX || type == Type.NOT_REGEX
                ? Re2.compileAnchored(value, dotMatchesNewline) : null;
    }

    public Type type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** Whether a label value (the empty string for a missing label) satisfies this matcher. */
    public boolean matches(String labelValue) {
        switch (type) {
            case EQUAL:
                return value.equals(labelValue);
            case NOT_EQUAL:
                return !value.equals(labelValue);
            case REGEX:
                return pattern.matcher(labelValue).matches();
            default:
                return !pattern.matcher(labelValue).matches();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMatcher m && m.type == type && m.name.equals(name) && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, value);
    }

    @Override
    public String toString() {
        return name + type.text + '"' + value + '"';
    }
}
