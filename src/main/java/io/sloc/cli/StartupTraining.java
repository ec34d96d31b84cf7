package io.sloc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run a start-up cache (AppCDS, or JDK 25's AOT cache) is recorded from: {@code compile}, {@code check} and
 * {@code test} of a small project (the bundled {@code startup-training.slo}, in a temporary directory) in one JVM, so
 * that the classes every command loads are in the cache whichever command a user runs; a cache recorded from a
 * {@code --help} run would miss nearly all of them. Exits with the first failing command's code.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Files.createTempDirectory("sloc-training");
        int exit;
        try {
            Path specs = Files.createDirectories(project.resolve("slo-specs"));
            try (InputStream spec = StartupTraining.class.getResourceAsStream("startup-training.slo")) {
                Files.copy(spec, specs.resolve("training.slo"));
            }
            exit = run(project);
        } finally {
            try (Stream<Path> tree = Files.walk(project)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        System.exit(exit);
    }

    private static int run(Path project) {
        String generated = project.resolve("generated").toString();
        int exit = Main.run("compile", project.resolve("slo-specs").toString(), "-o", generated);
        if (exit == ExitCodes.OK) {
            exit = Main.run("check", project.toString());
        }
        if (exit == ExitCodes.OK) {
            List<String> tests = ruleTests(project.resolve("generated/tests"));
            List<String> test = new ArrayList<>(List.of("test"));
            test.addAll(tests);
            exit = Main.run(test.toArray(String[]::new));
            // And one file, as most runs test: the sequential path, which several files (run in parallel) miss.
            if (exit == ExitCodes.OK) {
                exit = Main.run("test", tests.get(0));
            }
        }
        return exit;
    }

    private static List<String> ruleTests(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
