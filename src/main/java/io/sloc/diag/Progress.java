package io.sloc.diag;

/**
 * Feedback on long work ({@code sloc test}'s files, their simulated time): a terminal shows it on stderr, anything
 * else ignores it. Implementations are called from worker threads.
 */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(int units, String unitName) {
        }

        @Override
        public void unitDone() {
        }

        @Override
        public void simulated(long reachedMs, long totalMs) {
        }

        @Override
        public void printing(Runnable print) {
            print.run();
        }

        @Override
        public void finish() {
        }
    };

    /** {@code units} pieces of work named {@code unitName} (e.g. 9 "files") begin. */
    void start(int units, String unitName);

    void unitDone();

    /** Simulated time reached by the work under way, of {@code totalMs}. */
    void simulated(long reachedMs, long totalMs);

    /** Runs {@code print} (regular output) with the progress line out of its way. */
    void printing(Runnable print);

    /** The work is over: the progress line disappears. */
    void finish();
}
