package io.sloc.check;

import java.util.Locale;

/** The step of {@code sloc check} that produced a finding; reporters group by it. */
public enum Stage {
    /** Compiling the SLO specs in memory. */
    COMPILE,
    /** Comparing the compiled output with the committed {@code generated/} directory. */
    DRIFT,
    /** Validating and linting Prometheus rule files and the SLO model. */
    LINT,
    /** Running promtool-format rule tests. */
    TEST;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
