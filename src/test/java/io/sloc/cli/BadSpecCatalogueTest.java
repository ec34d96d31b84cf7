package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import io.sloc.testsupport.UserFacingText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed spec in {@code src/test/resources/specs/bad} names its expected message in its first line
 * ({@code # expect: LINE:COL: message}; {@code {file}} and {@code {dir}} stand for its path and directory).
 * Compiling it must print exactly that one located message ({@code FILE:LINE:COL: error: message [compile]}),
 * exit 2, and write nothing.
 */
class BadSpecCatalogueTest {
    private static final Path CATALOGUE = Shared.projectDir().resolve("src/test/resources/specs/bad");
    private static final String EXPECT = "# expect: ";

    @TempDir
    Path temp;

    static List<Path> badSpecs() throws IOException {
        try (Stream<Path> files = Files.list(CATALOGUE)) {
            return files.filter(p -> p.toString().endsWith(".slo")).sorted().toList();
        }
    }

    @Test
    void catalogueHasAtLeast25Specs() throws IOException {
        assertThat(badSpecs()).hasSizeGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void yieldsExactlyOneLocatedMessage(Path spec) throws IOException {
        // The header is UTF-8 even where the rest of the spec is not (not-utf8.slo).
        String header = new String(Files.readAllBytes(spec), StandardCharsets.ISO_8859_1).lines().findFirst()
                .map(line -> new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(header).startsWith(EXPECT);
        String expected = header.substring(EXPECT.length())
                .replace("{file}", spec.toString()).replace("{dir}", spec.getParent().toString());

        SlocCli sloc = new SlocCli();
        Path output = temp.resolve("out");
        int exit = sloc.run("compile", spec.toString(), "-o", output.toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        int message = expected.indexOf(": ");
        assertThat(sloc.err()).isEqualTo(spec + ":" + expected.substring(0, message) + ": error: "
                + expected.substring(message + 2) + " [compile]" + System.lineSeparator());
        UserFacingText.assertNoJavaClassNames(sloc.err());
        assertThat(sloc.out()).isEmpty();
        assertThat(output).doesNotExist();
    }
}
