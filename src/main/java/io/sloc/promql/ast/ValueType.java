package io.sloc.promql.ast;

/** PromQL value types, named as in Prometheus's error messages. */
public enum ValueType {
    SCALAR("scalar"), VECTOR("instant vector"), MATRIX("range vector"), STRING("string");

    private final String displayName;

    ValueType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
