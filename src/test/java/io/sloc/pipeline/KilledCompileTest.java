package io.sloc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.testsupport.FuzzSeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile killed (SIGKILL) in its write phase, many times: every output file is then entirely the old or entirely
 * the new version, and the next compile leaves exactly the new output and no temporary file. The compile runs in a
 * child JVM over a large spec, so that the write phase lasts long enough to be hit; most kills wait for its first
 * rename (a staged file leaving), a random few milliseconds more, so that they land between the renames.
 * {@code -Dcrash.kills=N} (default 5) sets how many kills must land in the write phase.
 */
class KilledCompileTest {
    private static final int SERVICES = 300;

    @TempDir
    Path dir;

    @Test
    void everyFileIsEntirelyOldOrNewAndTheNextCompileCleansUp() throws Exception {
        Path oldSpec = spec("old.slo", "99%");
        Path newSpec = spec("new.slo", "99.5%");
        SortedMap<String, byte[]> oldFiles = OutputWriter.expectedFiles(compile(oldSpec).output());
        SortedMap<String, byte[]> newFiles = OutputWriter.expectedFiles(compile(newSpec).output());
        Path out = dir.resolve("out");
        Random random = new Random(FuzzSeed.orDefault(18));
        int wanted = Integer.getInteger("crash.kills", 5);
        int landed = 0;
        int staging = 0;
        int renaming = 0;
        for (int attempt = 0; landed < wanted && attempt < wanted * 5; attempt++) {
            OutputWriter.write(compile(oldSpec).output(), out);
            Process child = new ProcessBuilder(javaCommand(newSpec, out)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile()).start();
            // Three kills in four aim at the renames, which take milliseconds; the others at the staging before.
            if (attempt % 4 != 0) {
                waitForFirstRename(out, child);
                Thread.sleep(random.nextInt(20));
            } else {
                waitForTemporaryFiles(out, child, 1);
                Thread.sleep(random.nextInt(200));
            }
            boolean killed = child.isAlive();
            child.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            if (!killed) {
                continue;
            }
            landed++;
            int stillOld = 0;
            int alreadyNew = 0;
            for (String file : outputFiles(out)) {
                byte[] content = Files.readAllBytes(out.resolve(file));
                boolean isOld = Arrays.equals(content, oldFiles.get(file));
                boolean isNew = Arrays.equals(content, newFiles.get(file));
                assertThat(isOld || isNew).as(file + " after kill " + landed + " is neither old nor new").isTrue();
                stillOld += isOld && !isNew ? 1 : 0;
                alreadyNew += isNew && !isOld ? 1 : 0;
            }
            staging += alreadyNew == 0 ? 1 : 0;
            renaming += stillOld > 0 && alreadyNew > 0 ? 1 : 0;
            OutputWriter.write(compile(newSpec).output(), out);
            assertThat(OutputWriter.compare(compile(newSpec).output(), out).inSync()).isTrue();
            try (Stream<Path> left = Files.list(out)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
        System.out.printf("killed compiles: %d kills in the write phase (%d while staging: all files old; %d during "
                + "the renames: old and new files side by side; %d after them), 0 partial files, 0 temporary files "
                + "after the next compile%n", landed, staging, renaming, landed - staging - renaming);
        assertThat(landed).as("kills that landed in the write phase").isEqualTo(wanted);
    }

    private Path spec(String name, String objective) throws IOException {
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < SERVICES; i++) {
            spec.append("service svc").append(i).append(" {\n  slo availability {\n    objective ").append(objective)
                    .append("\n    sli ratio { errors `errors_total{code=\"5\"}` total `requests_total` }\n"
                            + "    alerting none\n  }\n}\n");
        }
        return Files.writeString(dir.resolve(name), spec.toString(), StandardCharsets.UTF_8);
    }

    private static CompileSpecs.Result compile(Path spec) {
        return CompileSpecs.inMemory(SpecLoader.load(List.of(spec)), new CompileOptions(Optional.empty()),
                PrometheusTarget.named("3", "test"));
    }

    private static List<String> javaCommand(Path spec, Path out) {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.sloc.cli.Main", "compile", spec.toString(), "-o",
                out.toString()));
    }

    /** Until the child has staged {@code count} files (or exits): the write phase has begun. */
    private static void waitForTemporaryFiles(Path out, Process child, int count)
            throws IOException, InterruptedException {
        while (child.isAlive() && temporaryFiles(out) < count) {
            Thread.sleep(1);
        }
    }

    /** Until the child renames its first staged file (or exits): staging only adds temporary files. */
    private static void waitForFirstRename(Path out, Process child) throws IOException, InterruptedException {
        waitForTemporaryFiles(out, child, 1);
        long staged = 0;
        for (long now = temporaryFiles(out); child.isAlive() && now >= staged; now = temporaryFiles(out)) {
            staged = now;
        }
    }

    private static long temporaryFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    private static List<String> outputFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .map(p -> out.relativize(p).toString()).sorted().toList();
        }
    }
}
