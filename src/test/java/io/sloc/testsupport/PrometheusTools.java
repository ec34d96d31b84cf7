package io.sloc.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real promtool and prometheus binaries (Prometheus 2.42 from Debian), and amtool and alertmanager (0.25, from
 * Debian's prometheus-alertmanager). Found on PATH or, failing that, installed into a user cache by
 * {@code .ci/install-prometheus.sh} and {@code .ci/install-alertmanager.sh}; tests that need them fail when neither
 * works.
 */
public final class PrometheusTools {
    private static Path binDir;
    private static Path alertmanagerBinDir;

    private PrometheusTools() {
    }

    public static synchronized Path promtool() {
        return binDir().resolve("promtool");
    }

    public static synchronized Path prometheus() {
        return binDir().resolve("prometheus");
    }

    public static synchronized Path amtool() {
        return alertmanagerBinDir().resolve("amtool");
    }

    /** Alertmanager itself, or the installer's wrapper around Debian's build (see the script). */
    public static synchronized Path alertmanager() {
        return alertmanagerBinDir().resolve("alertmanager");
    }

    private static Path binDir() {
        if (binDir == null) {
            binDir = locate(".ci/install-prometheus.sh", "promtool", "prometheus");
        }
        return binDir;
    }

    private static Path alertmanagerBinDir() {
        if (alertmanagerBinDir == null) {
            alertmanagerBinDir = locate(".ci/install-alertmanager.sh", "amtool", "alertmanager");
        }
        return alertmanagerBinDir;
    }

    /** The PATH directory holding both binaries, or the one {@code installer} prints after installing them. */
    private static Path locate(String installer, String tool, String server) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)) && Files.isExecutable(Path.of(dir, server))) {
                return Path.of(dir);
            }
        }
        Result installed = run(Shared.projectDir(), 300,
                List.of("bash", Shared.projectDir().resolve(installer).toString()));
        if (installed.exitCode() != 0) {
            throw new IllegalStateException("cannot install " + tool + ": " + installed.stderr());
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
