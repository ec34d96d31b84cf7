package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link Main#run} builds only the subcommand its first argument names (start-up time); {@code sloc test FILE...}
 * must behave exactly as it does with the full command line.
 */
class SingleSubcommandStartupTest {
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome viaPicocli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static Outcome viaMainRun(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void passingFailingAndMissingFilesGiveTheSameOutcomeAsThePicocliPath(@TempDir Path dir) throws Exception {
        Path passing = dir.resolve("pass.yml");
        Files.writeString(passing, """
                tests:
                  - promql_expr_test:
                      - expr: vector(1)
                        exp_samples: [{value: 1}]
                """);
        Path failing = dir.resolve("fail.yml");
        Files.writeString(failing, """
                tests:
                  - promql_expr_test:
                      - expr: vector(1)
                        exp_samples: [{value: 2}]
                """);
        String missing = dir.resolve("missing.yml").toString();
        String[][] cases = {
            {"test", passing.toString()},
            {"test", passing.toString(), failing.toString()},
            {"test", missing},
        };
        int[] expectedExit = {0, 1, 1};
        for (int i = 0; i < cases.length; i++) {
            Outcome plain = viaMainRun(cases[i]);
            assertThat(plain).isEqualTo(viaPicocli(cases[i]));
            assertThat(plain.exit()).isEqualTo(expectedExit[i]);
        }
    }
}
