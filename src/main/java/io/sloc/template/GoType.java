package io.sloc.template;

import io.sloc.golang.fmt.GoValue;

/** A Go parameter type of a template function: what it accepts and its zero value. */
public record GoType(String name, boolean canBeNil, boolean acceptsAnything) {
    static final GoType STRING = new GoType("string", false, false);
    static final GoType FLOAT64 = new GoType("float64", false, false);
    static final GoType INT = new GoType("int", false, false);
    static final GoType BOOL = new GoType("bool", false, false);
    static final GoType ANY = new GoType("interface {}", true, true);
    /** Builtins such as eq and index take reflect.Value: any value, nil included. */
    static final GoType REFLECT_VALUE = new GoType("reflect.Value", true, true);
    static final GoType SAMPLE = new GoType("*template.sample", true, false);
    static final GoType QUERY_RESULT = new GoType("template.queryResult", true, false);

    boolean accepts(Object value) {
        return acceptsAnything || GoValue.typeName(value).equals(name);
    }
}
