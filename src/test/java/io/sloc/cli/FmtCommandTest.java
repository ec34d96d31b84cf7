package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
    private static final String UNFORMATTED = "service api { # the API\n slo a { objective 99% sli availability `up` } }\n";
    private static final String FORMATTED = """
            service api { # the API
              slo a {
                objective 99%
                sli availability `up`
              }
            }
            """;

    private final SlocCli sloc = new SlocCli();

    @TempDir
    Path temp;

    @Test
    void theHatagoSpecsAreFormatted() {
        assertThat(sloc.run("fmt", "--check", Shared.projectDir().resolve("slo-specs").toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).isEmpty();
    }

    @Test
    void checkListsTheFilesToFormatAndWritesNothing() throws IOException {
        Files.createDirectories(temp.resolve("specs"));
        Path messy = Files.writeString(temp.resolve("specs/a.slo"), UNFORMATTED);
        Path tidy = Files.writeString(temp.resolve("specs/b.slo"), FORMATTED);
        assertThat(sloc.run("fmt", "--check", temp.resolve("specs").toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(sloc.out()).isEqualTo(messy + "\n");
        assertThat(sloc.err()).contains("1 file(s) not formatted");
        assertThat(Files.readString(messy)).isEqualTo(UNFORMATTED);
        assertThat(Files.readString(tidy)).isEqualTo(FORMATTED);
    }

    @Test
    void fmtRewritesOnlyTheFilesThatChangeAndLeavesNoTemporaryFile() throws IOException {
        Path messy = Files.writeString(temp.resolve("a.slo"), UNFORMATTED);
        assertThat(sloc.run("fmt", messy.toString())).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).isEqualTo(messy + "\n");
        assertThat(Files.readString(messy)).isEqualTo(FORMATTED);
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(messy);
        }
        SlocCli again = new SlocCli();
        assertThat(again.run("fmt", messy.toString())).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).isEmpty();
    }

    @Test
    void aSyntaxErrorAnywhereLeavesEveryFileUntouched() throws IOException {
        Path messy = Files.writeString(temp.resolve("a.slo"), UNFORMATTED);
        Path broken = Files.writeString(temp.resolve("b.slo"), "service api {\n");
        assertThat(sloc.run("fmt", messy.toString(), broken.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(broken + ":2:1: ").doesNotContain("Exception");
        assertThat(Files.readString(messy)).isEqualTo(UNFORMATTED);
    }
}
