package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.diag.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runner tells its progress (files done, simulated time) and prints exactly what it prints without. */
class RunnerProgressTest {
    /** Counts what it hears. */
    private static final class Recorder implements Progress {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger units = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger printed = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final AtomicLong longestSimulation = new AtomicLong();

        @Override
        public void start(int units, String unitName) {
            started.incrementAndGet();
            this.units.set(units);
        }

        @Override
        public void unitDone() {
            done.incrementAndGet();
        }

        @Override
        public void simulated(long reachedMs, long totalMs) {
            longestSimulation.accumulateAndGet(totalMs, Math::max);
        }

        @Override
        public void printing(Runnable print) {
            printed.incrementAndGet();
            print.run();
        }

        @Override
        public void finish() {
            finished.incrementAndGet();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void reportsEveryFileAndTheSimulatedTime(int threads) throws IOException {
        List<String> files = PromtoolDifferentialTest.corpusFiles().subList(0, 6);
        Recorder recorder = new Recorder();
        String withProgress = run(files, threads, recorder);
        assertThat(withProgress).isEqualTo(run(files, threads, Progress.NONE));
        assertThat(recorder.started).hasValue(1);
        assertThat(recorder.units).hasValue(files.size());
        assertThat(recorder.done).hasValue(files.size());
        assertThat(recorder.printed.get()).isGreaterThanOrEqualTo(files.size());
        assertThat(recorder.longestSimulation.get()).isPositive();
        assertThat(recorder.finished).hasValue(1);
    }

    private static String run(List<String> files, int threads, Progress progress) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new RuleTestRunner(RuleTestRunner.Options.defaults(), PromtoolDifferentialTest.corpusDir(),
                new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), progress).run(files, threads);
        return out + "\n---\n" + err;
    }
}
