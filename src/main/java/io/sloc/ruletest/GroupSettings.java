package io.sloc.ruletest;

import io.sloc.diag.Progress;
import java.io.PrintWriter;

/**
 * How the test groups of one file run: the file's evaluation interval and float comparison, the run's options, and
 * where promtool's {@code --debug} lines go, and who hears of the simulated time.
 */
record GroupSettings(long evalIntervalMs, boolean fuzzyCompare, RuleTestRunner.Options options, PrintWriter debugOut,
                     Progress progress) {
    PromtoolVersion promtool() {
        return new PromtoolVersion(options.profile());
    }
}
