package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.SlocCli;
import org.junit.jupiter.api.Test;

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
        assertThat(sloc.err()).contains("error: Unknown option").doesNotContain("Exception");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertThat(sloc.run()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("Missing required subcommand");
    }
}
