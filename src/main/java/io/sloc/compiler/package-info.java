/**
 * Parsed specs to the validated, immutable model: {@link io.sloc.compiler.SlocCompiler} runs the validation, then
 * builds the model (defaults applied, references resolved). No outputs, no I/O.
 *
 * <p>May import: compiler.validation,
 * dsl.ast, model, diag.
 */
package io.sloc.compiler;
