package io.sloc.ruletest;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.engine.FunctionCalls;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.template.AlertTemplateExpander;

/**
 * Builds the tables rule tests read on another thread while the calling one reads the test and rule files: the PromQL
 * parser's (ANTLR deserializes its state machines and caches the decisions a parse takes, shared by every parser),
 * the PromQL functions' and the template functions' (their static initializers link a few hundred lambdas). That is
 * about a tenth of a small test's start-up, which a second core then does alongside.
 */
final class TablesWarmUp extends Thread {
    private TablesWarmUp() {
        super("sloc-warm-up");
        setDaemon(true);
    }

    /** Starts building them; whichever thread needs one first waits for it (class initialization is exclusive). */
    static void start(int cores) {
        if (cores > 1) {
            new TablesWarmUp().start();
        }
    }

    /** A rule's usual constructs, so that their parsing decisions are cached before the rule files are parsed. */
    private static final String TYPICAL_RULE = "sum by (job) (rate(requests_total{code=~\"5..\"}[5m] offset 1m))"
            + " / on (job) group_left sum(rate(requests_total[5m])) > 0.5 * 2 and absent(up == bool 1) or vector(0)";

    @Override
    public void run() {
        try {
            PromqlParser.parse(TYPICAL_RULE, PromqlProfile.V3_14);
        } catch (RuntimeException e) {
            return; // the parser's own failure shows where it is used
        }
        for (Class<?> table : new Class<?>[] {FunctionCalls.class, AlertTemplateExpander.class}) {
            try {
                Class.forName(table.getName(), true, table.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return; // the thread that needs it meets the same failure and reports it
            }
        }
    }
}
