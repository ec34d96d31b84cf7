package io.sloc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The run a start-up cache (AppCDS, or JDK 25's AOT cache) is recorded from: {@code compile}, {@code check} and
 * {@code test} of a small project (the bundled {@code startup-training.slo}, in a temporary directory), then
 * {@code test} of one hand-written rule test file under each Prometheus version, in one JVM, so that the classes
 * every command loads are in the cache whichever command a user runs; a cache recorded from a {@code --help} run
 * would miss nearly all of them. With the argument {@code test}, only the rule tests of the hand-written file (alone,
 * twice in parallel, and under each Prometheus version): the smaller cache {@code sloc test} starts from, as the AOT
 * cache loads all its classes at start. Exits with the first failing command's code.
 */
public final class StartupTraining {
    private static final String RULE_TEST = "startup-training-test.yml";

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(train(args.length == 1 && args[0].equals("test")));
    }

    /** Runs the training (only the rule tests if {@code testOnly}); the first failing command's exit code, else 0. */
    static int train(boolean testOnly) throws IOException {
        Path project = Files.createTempDirectory("sloc-training");
        int exit;
        try {
            Path specs = Files.createDirectories(project.resolve("slo-specs"));
            copyResource("startup-training.slo", specs.resolve("training.slo"));
            Path ruleTests = Files.createDirectories(project.resolve("rule-tests"));
            for (String name : List.of(RULE_TEST, "startup-training-rules.yml")) {
                copyResource(name, ruleTests.resolve(name));
            }
            exit = run(project, testOnly);
        } finally {
            try (Stream<Path> tree = Files.walk(project)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return exit;
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = StartupTraining.class.getResourceAsStream(name)) {
            Files.copy(in, to);
        }
    }

    private static int run(Path project, boolean testOnly) {
        String generated = project.resolve("generated").toString();
        String ruleTest = project.resolve("rule-tests").resolve(RULE_TEST).toString();
        // Each command's arguments are made when it runs: the generated tests exist once compile has run. Several
        // files run in parallel; one file, the sequential path most runs take.
        List<Supplier<String[]>> commands = new ArrayList<>();
        if (testOnly) {
            commands.add(() -> new String[] {"test", ruleTest, ruleTest});
        } else {
            commands.add(() -> new String[] {"compile", project.resolve("slo-specs").toString(), "-o", generated});
            commands.add(() -> new String[] {"check", project.toString()});
            commands.add(() -> generatedTests(project.resolve("generated/tests")));
        }
        commands.add(() -> new String[] {"test", ruleTest});
        commands.add(() -> new String[] {"test", "--prometheus", "2.42", ruleTest});
        int exit = ExitCodes.OK;
        for (int i = 0; i < commands.size() && exit == ExitCodes.OK; i++) {
            exit = Main.run(commands.get(i).get());
        }
        return exit;
    }

    private static String[] generatedTests(Path dir) {
        List<String> test = new ArrayList<>(List.of("test"));
        try (Stream<Path> files = Files.list(dir)) {
            files.map(Path::toString).sorted().forEach(test::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return test.toArray(String[]::new);
    }
}
