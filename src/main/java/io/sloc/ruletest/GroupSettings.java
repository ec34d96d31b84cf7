package io.sloc.ruletest;

import java.io.PrintWriter;

/**
 * How the test groups of one file run: the file's evaluation interval and float comparison, the run's options, and
 * where promtool's {@code --debug} lines go.
 */
record GroupSettings(long evalIntervalMs, boolean fuzzyCompare, RuleTestRunner.Options options, PrintWriter debugOut) {
    PromtoolVersion promtool() {
        return new PromtoolVersion(options.profile());
    }
}
