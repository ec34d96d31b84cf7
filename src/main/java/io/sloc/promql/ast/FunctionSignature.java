package io.sloc.promql.ast;

import java.util.List;

/**
 * A PromQL function's signature, modelled on Prometheus's {@code parser.Function}. {@code variadic == 0}:
 * exactly {@code argTypes}. Otherwise the last entry of {@code argTypes} is optional and repeatable: at least
 * {@code argTypes.size() - 1} arguments, at most {@code argTypes.size() - 1 + variadic}, unbounded when -1.
 */
public record FunctionSignature(String name, List<ValueType> argTypes, int variadic, ValueType returnType) {
    public FunctionSignature {
        argTypes = List.copyOf(argTypes);
    }
}
