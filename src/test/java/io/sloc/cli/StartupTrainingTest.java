package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The training runs the start-up caches are recorded from pass (the package build fails otherwise), the
 * hand-written rule test included, under every Prometheus version.
 */
class StartupTrainingTest {
    @ParameterizedTest(name = "test only: {0}")
    @ValueSource(booleans = {false, true})
    void everyTrainingCommandSucceeds(boolean testOnly) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try {
            PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
            System.setOut(captured);
            System.setErr(captured);
            exit = StartupTraining.train(testOnly);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("SUCCESS").doesNotContain("FAILED");
    }
}
