package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("sloc ").doesNotContain("unknown");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        assertThat(run("--no-such-option")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("error: Unknown option").doesNotContain("Exception");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Missing required subcommand");
    }
}
