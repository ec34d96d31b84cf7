package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.diag.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line, on a fake terminal with a fake clock. */
class TerminalProgressTest {
    private static final String WIPE = "\r\u001b[K";

    private final StringWriter terminal = new StringWriter();
    private long now;
    private final TerminalProgress progress = new TerminalProgress("test", new PrintWriter(terminal), () -> now);

    private void advance(Duration by) {
        now += by.toNanos();
    }

    @Test
    void workUnderASecondShowsNothing() {
        progress.start(2, "files");
        advance(Duration.ofMillis(900));
        progress.simulated(3_600_000, 86_400_000);
        progress.unitDone();
        progress.unitDone();
        progress.finish();
        assertThat(terminal.toString()).isEmpty();
    }

    @Test
    void longWorkShowsFilesSimulatedTimeAndTimeLeft() {
        progress.start(4, "files");
        advance(Duration.ofSeconds(10));
        progress.unitDone();
        assertThat(terminal.toString()).isEqualTo(WIPE + "sloc test: 1/4 files, about 30s left");
        advance(Duration.ofSeconds(2));
        progress.simulated(43_200_000, 86_400_000);
        assertThat(terminal.toString()).endsWith(WIPE + "sloc test: 1/4 files, simulated 12h of 1d, about 20s left");
    }

    @Test
    void redrawsAtMostTenTimesASecond() {
        progress.start(1, "files");
        advance(Duration.ofSeconds(2));
        progress.simulated(1000, 60_000);
        advance(Duration.ofMillis(50));
        progress.simulated(2000, 60_000);
        assertThat(terminal.toString()).doesNotContain("simulated 2s");
        advance(Duration.ofMillis(50));
        progress.simulated(3000, 60_000);
        assertThat(terminal.toString()).contains("simulated 3s of 1m");
    }

    @Test
    void theLineIsWipedBeforeOutputAndAtTheEnd() {
        progress.start(2, "files");
        advance(Duration.ofSeconds(2));
        progress.unitDone();
        progress.printing(() -> terminal.write("  SUCCESS\n"));
        assertThat(terminal.toString()).endsWith("left" + WIPE + "  SUCCESS\n");
        advance(Duration.ofSeconds(1));
        progress.unitDone();
        assertThat(terminal.toString()).endsWith("sloc test: 2/2 files, about 1s left");
        progress.finish();
        assertThat(terminal.toString()).endsWith(WIPE);
    }

    @Test
    void onlyOnATerminalAndNeverUnderCi() {
        PrintWriter err = new PrintWriter(new StringWriter());
        assertThat(TerminalProgress.forStderr("test", err, true, Map.of())).isInstanceOf(TerminalProgress.class);
        assertThat(TerminalProgress.forStderr("test", err, false, Map.of())).isSameAs(Progress.NONE);
        assertThat(TerminalProgress.forStderr("test", err, true, Map.of("CI", "true"))).isSameAs(Progress.NONE);
        assertThat(TerminalProgress.forStderr("test", err, true, Map.of("CI", ""))).isInstanceOf(TerminalProgress.class);
    }

    @Test
    void durationsUseTheLargestUnits() {
        assertThat(TerminalProgress.human(7_800_000)).isEqualTo("2h10m");
        assertThat(TerminalProgress.human(86_400_000)).isEqualTo("1d");
        assertThat(TerminalProgress.human(999)).isEqualTo("0s");
    }
}
