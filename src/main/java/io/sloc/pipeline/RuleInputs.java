package io.sloc.pipeline;

import io.sloc.diag.FileFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus rule files and promtool rule-test files found under a directory, each list sorted.
 * A YAML file is a rule test file when it has a top-level {@code tests:} key and a rule file when it has a
 * top-level {@code groups:} key and no top-level {@code namespace:} (that is a Mimir or Cortex ruler namespace file,
 * for mimirtool); other YAML (compose files, CI configs) is not ours and is left alone.
 * The keys are recognised by line, not by parsing, so that a file with broken YAML is still classified and
 * its loader can report the error with a location.
 */
public record RuleInputs(List<Path> ruleFiles, List<Path> testFiles) {
    private static final Pattern TESTS_KEY = Pattern.compile("(?m)^tests\\s*:");
    private static final Pattern GROUPS_KEY = Pattern.compile("(?m)^groups\\s*:");
    private static final Pattern NAMESPACE_KEY = Pattern.compile("(?m)^namespace\\s*:");

    public RuleInputs {
        ruleFiles = ruleFiles.stream().sorted().distinct().toList();
        testFiles = testFiles.stream().sorted().distinct().toList();
    }

    /** Walks {@code dir} (skipping hidden directories and build output); an absent directory has no inputs. */
    public static RuleInputs scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new RuleInputs(List.of(), List.of());
        }
        List<Path> rules = new ArrayList<>();
        List<Path> tests = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> Files.isRegularFile(p) && isYaml(p) && !isExcluded(dir, p)).toList()) {
                // The keys are ASCII; a file in another encoding is still classified (and its loader says why not).
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (TESTS_KEY.matcher(text).find()) {
                    tests.add(file);
                } else if (GROUPS_KEY.matcher(text).find() && !NAMESPACE_KEY.matcher(text).find()) {
                    rules.add(file);
                }
            }
        } catch (IOException e) {
            throw FileFailure.of(dir, "read the files under this directory", e);
        }
        return new RuleInputs(rules, tests);
    }

    public RuleInputs plus(RuleInputs other) {
        List<Path> rules = new ArrayList<>(ruleFiles);
        rules.addAll(other.ruleFiles);
        List<Path> tests = new ArrayList<>(testFiles);
        tests.addAll(other.testFiles);
        return new RuleInputs(rules, tests);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private static boolean isExcluded(Path root, Path file) {
        Path folder = root.relativize(file).getParent();
        for (Path part : folder == null ? List.<Path>of() : folder) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }
}
