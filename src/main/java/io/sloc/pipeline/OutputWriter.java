package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.emit.OutputTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Puts an {@link OutputTree} on disk, or compares it with what is there ({@code --check}).
 *
 * <p>The output directory is owned by sloc: a manifest ({@value #MANIFEST}) lists the files of the last compile,
 * so files an earlier compile wrote and this one does not are deleted, and a non-empty directory sloc did not
 * write is never touched. Each file is written to a temporary sibling and renamed over the old one, so readers
 * (Prometheus reloading its rules) never see half a file; unchanged files are left alone.
 */
public final class OutputWriter {
    public static final String MANIFEST = ".sloc-manifest";

    private OutputWriter() {
    }

    public static void write(OutputTree tree, Path dir) {
        try {
            SortedMap<String, byte[]> files = expectedFiles(tree);
            Set<String> previous = previousFiles(dir);
            for (var file : files.entrySet()) {
                Path target = resolve(dir, file.getKey());
                if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    writeAtomically(target, file.getValue());
                }
            }
            for (String stale : previous) {
                if (!files.containsKey(stale)) {
                    Path gone = resolve(dir, stale);
                    Files.deleteIfExists(gone);
                    deleteEmptyParents(gone.getParent(), dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What differs between the tree and the directory; empty when in sync. */
    public static Drift compare(OutputTree tree, Path dir) {
        try {
            SortedMap<String, byte[]> files = expectedFiles(tree);
            List<Drift.Change> changes = new ArrayList<>();
            for (var file : files.entrySet()) {
                Path onDisk = resolve(dir, file.getKey());
                if (!Files.isRegularFile(onDisk)) {
                    changes.add(new Drift.Change(file.getKey(), Drift.Kind.MISSING, ""));
                } else {
                    byte[] actual = Files.readAllBytes(onDisk);
                    if (!Arrays.equals(actual, file.getValue())) {
                        changes.add(new Drift.Change(file.getKey(), Drift.Kind.CHANGED,
                                Drift.firstDifference(file.getValue(), actual)));
                    }
                }
            }
            for (String present : filesUnder(dir)) {
                if (!files.containsKey(present)) {
                    changes.add(new Drift.Change(present, Drift.Kind.UNEXPECTED, ""));
                }
            }
            changes.sort((a, b) -> a.path().compareTo(b.path()));
            return new Drift(changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file a compile of {@code tree} writes, the manifest included. */
    public static SortedMap<String, byte[]> expectedFiles(OutputTree tree) {
        SortedMap<String, byte[]> files = new TreeMap<>(tree.files());
        StringBuilder manifest = new StringBuilder("# Files written by `sloc compile`. Do not edit this directory: "
                + "change the specs and compile again.\n");
        files.keySet().forEach(path -> manifest.append(path).append('\n'));
        files.put(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static Set<String> previousFiles(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            Set<String> listed = new TreeSet<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#") && !line.contains("..")) {
                    listed.add(line.strip());
                }
            }
            return listed;
        }
        if (Files.isDirectory(dir) && !filesUnder(dir).isEmpty()) {
            throw new BadInputException(new SourceLocation(dir.toString(), 0, 0), "refusing to write into this "
                    + "directory: it is not empty and has no " + MANIFEST + " from an earlier `sloc compile`; "
                    + "choose an empty or new output directory");
        }
        return Set.of();
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static Path resolve(Path dir, String relative) {
        return dir.resolve(relative.replace('/', dir.getFileSystem().getSeparator().charAt(0)));
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".sloc-tmp");
        Files.write(temp, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteEmptyParents(Path dir, Path root) throws IOException {
        for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
            try (Stream<Path> entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
    }
}
