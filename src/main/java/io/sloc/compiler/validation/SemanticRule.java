package io.sloc.compiler.validation;

/**
 * One validation of the parsed specs, in the style of graphql-java's validation rules: each class checks one
 * thing and reports located errors or warnings. Rules run in {@link Validator#RULES} order, so later rules may
 * rely on earlier ones (e.g. references resolve, required fields are present).
 */
public interface SemanticRule {
    void check(SpecContext spec, Diagnostics diagnostics);
}
