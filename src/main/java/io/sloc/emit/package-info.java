/**
 * The emitter contract: an {@link io.sloc.emit.Emitter} turns the model into files of an in-memory {@link
 * io.sloc.emit.OutputTree}; emitters are pure (same model, same bytes).
 *
 * <p>May import: model. Its sub-packages
 * import it and model; only pipeline runs emitters.
 */
package io.sloc.emit;
