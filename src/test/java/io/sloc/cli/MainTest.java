package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.SlocCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final SlocCli sloc = new SlocCli();

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(sloc.run("--version")).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).startsWith("sloc ").doesNotContain("unknown");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        assertThat(sloc.run("--no-such-option")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("error: unknown option '--no-such-option'\n").doesNotContain("Exception");
    }

    @Test
    void aMisspeltCommandOrOptionGetsTheNearestOne() {
        assertThat(usageError("compil")).startsWith("error: unknown command 'compil'; did you mean 'compile'?\n");
        assertThat(usageError("chekk", "x")).startsWith("error: unknown command 'chekk'; did you mean 'check'?\n");
        assertThat(usageError("check", "--strictt"))
                .startsWith("error: unknown option '--strictt'; did you mean '--strict'?\n");
        assertThat(usageError("check", "--formt=json"))
                .startsWith("error: unknown option '--formt'; did you mean '--format'?\n");
        assertThat(usageError("deploy")).startsWith("error: unknown command 'deploy'\n");
        assertThat(usageError("fmt", "--chek", "x")).startsWith("error: unknown option '--chek'; did you mean "
                + "'--check'?\n");
    }

    @Test
    void aMisspeltOptionValueGetsTheNearestOne() {
        assertThat(usageError("check", "--format", "jsn")).startsWith("error: Invalid value for option '--format': "
                + "'jsn' is not a format; use text, json or github; did you mean 'json'?\n");
        assertThat(usageError("check", "--format", "xml")).startsWith("error: Invalid value for option '--format': "
                + "'xml' is not a format; use text, json or github\n");
        assertThat(usageError("compile", "x", "-o", "y", "--prometheus", "3.4")).startsWith("error: Invalid value "
                + "for option '--prometheus': unknown Prometheus version '3.4' (accepted: 3, 3.14, 2.42); did you "
                + "mean '3.14'?\n");
    }

    private static String usageError(String... args) {
        SlocCli cli = new SlocCli();
        assertThat(cli.run(args)).isEqualTo(ExitCodes.BAD_INPUT);
        return cli.err();
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertThat(sloc.run()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("Missing required subcommand");
    }

    /** A subcommand with a bug: sloc's own failure, as opposed to bad input or a failing check. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("index 3 out of bounds");
        }
    }

    private static int runWithBug(StringWriter err, String... args) {
        CommandLine cli = Main.newCommandLine();
        cli.addSubcommand(new Boom());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void anInternalErrorExits70WithOneLineAskingForAReport() {
        StringWriter err = new StringWriter();
        assertThat(runWithBug(err, "boom")).isEqualTo(ExitCodes.INTERNAL_ERROR).isEqualTo(70);
        assertThat(err.toString()).isEqualTo("error: internal error in sloc: index 3 out of bounds (please report it, "
                + "with the input that caused it; --debug prints the stack trace)" + System.lineSeparator());
    }

    @Test
    void debugPrintsTheStackTraceOfAnInternalError() {
        StringWriter err = new StringWriter();
        assertThat(runWithBug(err, "boom", "--debug")).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).contains("java.lang.IllegalStateException: index 3 out of bounds")
                .contains("at io.sloc.cli.MainTest$Boom.call");
    }

    @Test
    void missingTestFileUnderDebugIsPromtoolsErrorWithoutAStackTrace() {
        assertThat(sloc.run("test", "--debug", "/nonexistent/t.yml")).isEqualTo(ExitCodes.FAILED);
        assertThat(sloc.err()).isEqualTo("promtool: error: path '/nonexistent/t.yml' does not exist, try --help\n");
    }
}
