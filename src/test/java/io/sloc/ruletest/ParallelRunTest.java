package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Files run in parallel print and report exactly what the sequential run does: random lists of the rule-test corpus
 * (passing, failing and broken files, repeated, in any order, with a missing one), under both promtool versions, with
 * and without {@code --diff} and {@code --debug}. Both runs print to one terminal (stdout and stderr into the same
 * log, each through a buffer flushed like picocli's streams), so the interleaving of the two streams is compared too.
 */
class ParallelRunTest {
    /** Durations differ from run to run: the debug lines' and the JUnit report's. */
    private static final Pattern DURATIONS = Pattern.compile("(finished, took )\\S+|( time=\")[0-9.]+");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    record Run(List<String> files, int threads, RuleTestRunner.Options options) {
    }

    private record Outcome(String terminal, String out, String err, int exitCode, String junit, String promtoolJunit) {
    }

    @Property(tries = 40)
    void parallelRunIsTheSequentialOne(@ForAll("runs") Run run) {
        Outcome sequential = execute(run.files(), 1, run.options());
        Outcome parallel = execute(run.files(), run.threads(), run.options());
        assertThat(parallel).isEqualTo(sequential);
    }

    @Provide
    Arbitrary<Run> runs() throws IOException {
        List<String> pool = new ArrayList<>(PromtoolDifferentialTest.corpusFiles());
        pool.add("missing.test.yml");
        Arbitrary<List<String>> files = Arbitraries.of(pool).list().ofMinSize(2).ofMaxSize(25);
        Arbitrary<RuleTestRunner.Options> options = Combinators.combine(
                Arbitraries.of(PromqlProfile.V2_42, PromqlProfile.V3_14), Arbitraries.of(false, true),
                Arbitraries.of(false, true)).as((profile, diff, debug) ->
                new RuleTestRunner.Options(10_000, null, profile, false, diff, debug));
        return Combinators.combine(files, Arbitraries.integers().between(2, 6), options).as(Run::new);
    }

    private static Outcome execute(List<String> files, int threads, RuleTestRunner.Options options) {
        Terminal terminal = new Terminal();
        List<FileReport> reports = new RuleTestRunner(options, PromtoolDifferentialTest.corpusDir(),
                terminal.out, terminal.err, CLOCK).run(files, threads);
        return new Outcome(withoutDurations(terminal.log.toString()), withoutDurations(terminal.outLog.toString()),
                withoutDurations(terminal.errLog.toString()), RuleTestRunner.exitCode(reports),
                withoutDurations(RuleTestJUnitReport.render(reports)), PromtoolJUnitXml.render(reports));
    }

    private static String withoutDurations(String text) {
        return DURATIONS.matcher(text).replaceAll("$1$2<duration>");
    }

    /** stdout and stderr of a process writing to one file: what reaches it in flush order, and each stream apart. */
    private static final class Terminal {
        final StringBuilder log = new StringBuilder();
        final StringBuilder outLog = new StringBuilder();
        final StringBuilder errLog = new StringBuilder();
        final PrintWriter out = new PrintWriter(new BufferedWriter(new Descriptor(outLog)), true);
        final PrintWriter err = new PrintWriter(new BufferedWriter(new Descriptor(errLog)), true);

        private final class Descriptor extends Writer {
            private final StringBuilder own;

            Descriptor(StringBuilder own) {
                this.own = own;
            }

            @Override
            public void write(char[] chars, int offset, int length) {
                log.append(chars, offset, length);
                own.append(chars, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }
    }
}
