package io.sloc.emit;

import io.sloc.model.Spec;

/**
 * Turns the compiled model into output files (rule YAML, runbooks, dashboards, generated tests...). Emitters are
 * pure: same model, same bytes, whatever the locale, time zone or clock.
 */
public interface Emitter {
    void emit(Spec spec, OutputTree out);
}
