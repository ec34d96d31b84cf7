package io.sloc.promql.value;

/** The result of evaluating a PromQL expression. */
public sealed interface Value permits Scalar, Vector, Matrix, StringValue {
}
