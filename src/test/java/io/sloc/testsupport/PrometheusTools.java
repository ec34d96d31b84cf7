package io.sloc.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real promtool and prometheus binaries (Prometheus 2.42 from Debian). Found on PATH or, failing that,
 * installed into a user cache by {@code .ci/install-prometheus.sh}; tests that need them fail when neither works.
 */
public final class PrometheusTools {
    private static Path binDir;

    private PrometheusTools() {
    }

    public static synchronized Path promtool() {
        return binDir().resolve("promtool");
    }

    public static synchronized Path prometheus() {
        return binDir().resolve("prometheus");
    }

    private static Path binDir() {
        if (binDir == null) {
            binDir = locate();
        }
        return binDir;
    }

    private static Path locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "promtool"))
                    && Files.isExecutable(Path.of(dir, "prometheus"))) {
                return Path.of(dir);
            }
        }
        Result installed = run(Shared.projectDir(), 300,
                List.of("bash", Shared.projectDir().resolve(".ci/install-prometheus.sh").toString()));
        if (installed.exitCode() != 0) {
            throw new IllegalStateException("cannot install promtool: " + installed.stderr());
        }
        return Path.of(installed.stdout().strip());
    }

    /** The outcome of a finished process. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command in {@code dir}, capturing both streams; fails the test on time-out. */
    public static Result run(Path dir, long timeoutSeconds, List<String> command) {
        try {
            Path out = Files.createTempFile("sloc-proc", ".out");
            Path err = Files.createTempFile("sloc-proc", ".err");
            try {
                Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new IllegalStateException("timed out after " + timeoutSeconds + "s: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
