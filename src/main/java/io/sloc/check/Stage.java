package io.sloc.check;

import java.util.Locale;

/** The step of {@code sloc check} that produced a finding; reporters group by it. */
public enum Stage {
    /** Compiling the SLO specs in memory. */
    COMPILE("spec file"),
    /** Comparing the compiled output with the committed {@code generated/} directory. */
    DRIFT("generated file"),
    /** Validating and linting Prometheus rule files and the SLO model. */
    LINT("rule file"),
    /** Running promtool-format rule tests. */
    TEST("rule-test file");

    private final String input;

    Stage(String input) {
        this.input = input;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the stage checks, in the singular: {@code rule file}. */
    public String input() {
        return input;
    }
}
