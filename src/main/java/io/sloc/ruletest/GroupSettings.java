package io.sloc.ruletest;

import io.sloc.diag.Progress;
import java.io.PrintWriter;

/**
 * How the test groups of one file run: the file's evaluation interval and float comparison, the run's options, and
 * where promtool's {@code --debug} lines go, who hears of the simulated time, and from how many steps queries run
 * ahead (QueriesAhead).
 */
record GroupSettings(long evalIntervalMs, boolean fuzzyCompare, RuleTestRunner.Options options, PrintWriter debugOut,
                     Progress progress, int queriesAheadFromSteps) {
    PromtoolVersion promtool() {
        return new PromtoolVersion(options.profile());
    }
}
