package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.DidYouMean;
import io.sloc.diag.FileFailure;
import io.sloc.diag.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A repository's {@code .sloc.yml}: the {@link CheckSettings} it keeps, as a YAML mapping of {@code strict},
 * {@code known_metrics}, {@code metrics_files} (relative to the file's directory) and {@code runbook_annotation}.
 * Anything else in it (an unknown key, a wrong type, broken YAML, a metrics file that does not exist) is bad input,
 * located at its line and column.
 */
final class SlocConfigFile {
    static final String NAME = ".sloc.yml";
    private static final List<String> KEYS = List.of("strict", "known_metrics", "metrics_files", "runbook_annotation");

    private final String display;

    private SlocConfigFile(String display) {
        this.display = display;
    }

    /**
     * The {@code .sloc.yml} nearest to {@code dir}: in {@code dir} itself, else in its parents up to the root of
     * the git work tree it is in (the nearest directory with a {@code .git}); outside a git work tree only
     * {@code dir} itself is looked in, so that no stray file above a checkout applies.
     */
    static Optional<Path> find(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        Path last = start;
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                last = p;
                break;
            }
        }
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(NAME))) {
                return Optional.of(shown(p.resolve(NAME)));
            }
            if (p.equals(last)) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The one {@code .sloc.yml} that governs a run over {@code dirs}: those that have one must share it. */
    static Optional<Path> governing(List<Path> dirs) {
        Set<Path> found = new TreeSet<>();
        dirs.forEach(dir -> find(dir).ifPresent(found::add));
        if (found.size() > 1) {
            List<Path> files = List.copyOf(found);
            throw new BadInputException(new SourceLocation(files.get(1).toString(), 0, 0), "the checked directories "
                    + "have different " + NAME + " files (also " + files.get(0) + "): check them in separate runs");
        }
        return found.stream().findFirst();
    }

    /** The settings {@code file} gives. */
    static CheckSettings.Given read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw FileFailure.of(file, "read it", e);
        }
        return new SlocConfigFile(file.toString()).parse(text, file.toAbsolutePath().getParent());
    }

    private CheckSettings.Given parse(String text, Path base) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below, located
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new BadInputException(at == null ? new SourceLocation(display, 0, 0)
                    : new SourceLocation(display, at.getLine() + 1, at.getColumn() + 1),
                    "not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getContext()));
        }
        if (root == null || isNull(root)) {
            return CheckSettings.Given.NOTHING;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw bad(root, "expected a mapping of settings (" + String.join(", ", KEYS) + ")");
        }
        Boolean strict = null;
        List<String> knownMetrics = null;
        List<Path> metricsFiles = null;
        String runbookAnnotation = null;
        Set<String> seen = new HashSet<>();
        for (NodeTuple entry : mapping.getValue()) {
            String key = scalar(entry.getKeyNode(), "a setting name");
            if (!seen.add(key)) {
                throw bad(entry.getKeyNode(), "setting " + key + " is given twice");
            }
            Node value = entry.getValueNode();
            switch (key) {
                case "strict" -> strict = bool(value);
                case "known_metrics" -> knownMetrics = strings(value, "metric names or globs");
                case "metrics_files" -> metricsFiles = metricsFiles(value, base);
                case "runbook_annotation" -> runbookAnnotation = scalar(value, "an annotation name");
                default -> throw bad(entry.getKeyNode(), "unknown setting " + key + " (the settings are "
                        + String.join(", ", KEYS) + ")" + DidYouMean.hint(key, KEYS));
            }
        }
        return new CheckSettings.Given(strict, knownMetrics, metricsFiles, runbookAnnotation);
    }

    private List<Path> metricsFiles(Node value, Path base) {
        List<Path> files = new ArrayList<>();
        List<String> names = strings(value, "scrape file paths");
        for (int i = 0; i < names.size(); i++) {
            Path file = shown(base.resolve(names.get(i)).normalize());
            if (!Files.isRegularFile(file)) {
                throw bad(((SequenceNode) value).getValue().get(i), "metrics file " + names.get(i)
                        + " does not exist (paths are relative to " + NAME + ")");
            }
            files.add(file);
        }
        return files;
    }

    private Boolean bool(Node value) {
        if (value instanceof ScalarNode s && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            return Boolean.valueOf(s.getValue());
        }
        throw bad(value, "strict must be true or false");
    }

    private List<String> strings(Node value, String what) {
        if (!(value instanceof SequenceNode sequence)) {
            throw bad(value, "expected a list of " + what);
        }
        return sequence.getValue().stream().map(item -> scalar(item, what)).toList();
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode s && !isNull(s) && !s.getValue().isBlank()) {
            return s.getValue();
        }
        throw bad(node, "expected " + what);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private BadInputException bad(Node at, String message) {
        Mark mark = at.getStartMark();
        return new BadInputException(new SourceLocation(display, mark.getLine() + 1, mark.getColumn() + 1), message);
    }

    /** A path as messages show it: relative to the working directory when it is inside it. */
    private static Path shown(Path absolute) {
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
