package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.diag.FileFailure;
import io.sloc.dsl.SloSpecParser;
import io.sloc.dsl.SpecText;
import io.sloc.dsl.interop.InteropSpecs;
import io.sloc.dsl.ast.Located;
import io.sloc.dsl.ast.SpecFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads spec files from disk: directories contribute every {@code *.slo} file below them and every {@code *.yaml}
 * or {@code *.yml} file written for Sloth, OpenSLO or Pyrra (sorted by path), and each file's
 * {@code import "..."} (relative to that file) is read once, however often it is imported. A YAML file named on
 * the command line must be one of those formats.
 */
public final class SpecLoader {
    public static final String EXTENSION = ".slo";

    private final List<SpecFile> files = new ArrayList<>();
    private final Set<Path> seen = new HashSet<>();

    private SpecLoader() {
    }

    public static List<SpecFile> load(List<Path> inputs) {
        SpecLoader loader = new SpecLoader();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> specs = inputsUnder(input);
                if (specs.isEmpty()) {
                    throw new BadInputException(new SourceLocation(input.toString(), 0, 0),
                            "no " + EXTENSION + " files (nor Sloth, OpenSLO or Pyrra YAML files) in this directory");
                }
                specs.forEach(spec -> loader.read(spec, null));
            } else {
                loader.read(input, null);
            }
        }
        return List.copyOf(loader.files);
    }

    private void read(Path path, Located<String> importedAt) {
        if (!seen.add(path.toAbsolutePath().normalize())) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            if (importedAt != null) {
                throw new BadInputException(importedAt.location(), "cannot import '" + importedAt.value() + "' ("
                        + path + "): " + FileFailure.describe(e));
            }
            throw FileFailure.of(path, "read it", e);
        }
        String text = SpecText.decode(bytes, path.toString());
        SpecFile file = isYaml(path) ? InteropSpecs.parse(text, path.toString())
                : SloSpecParser.parse(text, path.toString());
        files.add(file);
        for (Located<String> imported : file.imports()) {
            Path target;
            try {
                target = path.getParent() == null ? Path.of(imported.value())
                        : path.getParent().resolve(imported.value());
            } catch (InvalidPathException e) {
                throw new BadInputException(imported.location(), "cannot import '" + imported.value()
                        + "': not a valid file path; check the import");
            }
            read(target.normalize(), imported);
        }
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** A YAML file's text for recognising its format; undecodable bytes are not one of the formats. */
    private static String text(Path path) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileFailure.of(path, "read it", e);
        }
    }

    /** The {@code *.slo} files under a directory, sorted ({@code sloc fmt} formats these). */
    static List<Path> specsUnder(Path dir) {
        return filesUnder(dir, p -> p.getFileName().toString().endsWith(EXTENSION));
    }

    /** What {@code sloc compile} reads from a directory: its specs and its Sloth, OpenSLO and Pyrra files. */
    private static List<Path> inputsUnder(Path dir) {
        return filesUnder(dir, p -> p.getFileName().toString().endsWith(EXTENSION)
                || isYaml(p) && InteropSpecs.recognises(text(p)));
    }

    private static List<Path> filesUnder(Path dir, Predicate<Path> wanted) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && wanted.test(p)).sorted().toList();
        } catch (IOException e) {
            throw FileFailure.of(dir, "read the directory", e);
        }
    }
}
