package io.sloc.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A user's machine in a temporary directory: a PATH of the user's own bin directory (where the tests symlink
 * {@code sloc}) and the few POSIX tools the launchers use, with no JDK on it and JAVA_HOME unset unless a test sets
 * it; commands run from a directory of their own, away from the repository.
 */
final class Installation {
    static final String VERSION = System.getProperty("sloc.version", "0.1.0-SNAPSHOT");
    private static final List<String> TOOLS = List.of("ls", "sed", "tar", "gzip", "curl", "mkdir", "cat", "rm", "mv",
            "cksum");

    final Path root;
    final Path userBin;
    final Path workDir;
    final Map<String, String> env = new HashMap<>();

    Installation(Path root) throws IOException {
        this.root = root;
        this.userBin = Files.createDirectories(root.resolve("user-bin"));
        this.workDir = Files.createDirectories(root.resolve("work"));
        Path tools = Files.createDirectories(root.resolve("tools"));
        for (String tool : TOOLS) {
            Path real = Path.of("/usr/bin", tool);
            if (Files.exists(real)) {
                wrapper(tools.resolve(tool), real);
            }
        }
        env.put("PATH", userBin + ":" + tools);
        env.put("HOME", root.toString());
        env.put("LC_ALL", "C");
    }

    /** A script that runs {@code target}: a link out of the temporary directory would upset its clean-up. */
    static void wrapper(Path script, Path target) throws IOException {
        Files.writeString(script, "#!/bin/sh\nexec '" + target + "' \"$@\"\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
    }

    static Path artefact(String name) {
        Path file = Shared.projectDir().resolve("target").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> file + " was not built (see README, Install)");
        return file;
    }

    /** Links {@code sloc} into the user's bin directory, as a user puts a tool on PATH. */
    void linkOnPath(Path launcher) throws IOException {
        Files.createSymbolicLink(userBin.resolve("sloc"), launcher);
    }

    Result sloc(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sloc"));
        command.addAll(List.of(args));
        return run(workDir, command);
    }

    /** Runs a command, resolving its program on this installation's PATH (never the test JVM's). */
    Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, which(command.get(0)));
        ProcessBuilder builder = new ProcessBuilder(resolved).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private String which(String program) {
        if (program.contains("/")) {
            return program;
        }
        return Stream.of(env.get("PATH").split(":"))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElse(program);
    }

    /** The extracted tree's single top-level directory. */
    static Path extract(Path archive, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        List<String> command = archive.toString().endsWith(".zip")
                ? List.of("unzip", "-q", archive.toString(), "-d", into.toString())
                : List.of("tar", "-xzf", archive.toString(), "-C", into.toString());
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as("%s", command).isZero();
        try (Stream<Path> top = Files.list(into)) {
            return top.findFirst().orElseThrow();
        }
    }

    /** No java on this installation's PATH: what the "no JDK" tests rely on. */
    void assertNoJavaOnPath() {
        assertThat(env.get("PATH").split(":")).noneMatch(dir -> Files.exists(Path.of(dir, "java")));
        assertThat(env).doesNotContainKey("JAVA_HOME");
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
