package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.FileFailure;
import io.sloc.diag.SourceLocation;
import io.sloc.emit.OutputTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Puts an {@link OutputTree} on disk, or compares it with what is there ({@code --check}).
 *
 * <p>The output directory is owned by sloc and is the only place it writes or deletes: a manifest ({@value
 * #MANIFEST}) lists the files of the last compile, so files an earlier compile wrote and this one does not are
 * deleted, and a non-empty directory sloc did not write is never touched. A compile changes nothing until every
 * target path has been checked and every changed file written to a temporary file in the output directory; then
 * each temporary file is renamed over its target (readers such as a Prometheus reloading its rules never see half a
 * file), stale files are deleted, and the manifest is replaced last. Temporary files a killed compile left behind
 * are deleted by the next one.
 */
public final class OutputWriter {
    public static final String MANIFEST = ".sloc-manifest";
    private static final String TEMP_PREFIX = ".sloc-";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Linux's NAME_MAX and PATH_MAX, in bytes: the limits of the file systems sloc writes to. */
    private static final int MAX_NAME_BYTES = 255;
    private static final int MAX_PATH_BYTES = 4095;

    private OutputWriter() {
    }

    public static void write(OutputTree tree, Path dir) {
        Path root = outputRoot(dir);
        deleteTemporaryFiles(dir, root);
        SortedMap<String, byte[]> files = expectedFiles(tree);
        SortedMap<String, SourceLocation> listed = previousFiles(dir, root);
        Set<String> previous = listed.keySet();
        files.keySet().forEach(file -> checkTarget(dir, root, file));
        List<String> stale = previous.stream().filter(file -> !files.containsKey(file)).toList();
        for (String file : stale) {
            if (Files.isDirectory(resolve(root, file), LinkOption.NOFOLLOW_LINKS)) {
                throw refused(listed.get(file), file, "names a directory");
            }
        }
        Set<String> both = new TreeSet<>(previous);
        both.addAll(tree.files().keySet());
        Map<String, byte[]> changed = changedFiles(dir, root, files);
        // Until the manifest is final, it lists the old files and the new ones, so that whatever a killed compile
        // leaves is deleted by the next one if no longer produced.
        Map<String, byte[]> first = both.equals(previous) ? Map.of() : Map.of(MANIFEST, manifest(both));
        Map<String, byte[]> last = changed.containsKey(MANIFEST) ? Map.of(MANIFEST, changed.remove(MANIFEST))
                : Map.of();
        List<Map<Path, Path>> stages = new ArrayList<>();
        try {
            for (Map<String, byte[]> step : List.of(first, changed, last)) {
                stages.add(stage(dir, root, step));
            }
            stages.get(0).forEach(OutputWriter::replace);
            stages.get(1).forEach(OutputWriter::replace);
            stale.forEach(file -> delete(dir, root, file));
            stages.get(2).forEach(OutputWriter::replace);
        } finally {
            stages.forEach(staged -> staged.values().forEach(OutputWriter::deleteQuietly));
        }
    }

    /** What differs between the tree and the directory; empty when in sync. */
    public static Drift compare(OutputTree tree, Path dir) {
        Path root = Files.isDirectory(dir) ? outputRoot(dir) : dir;
        SortedMap<String, byte[]> files = expectedFiles(tree);
        List<Drift.Change> changes = new ArrayList<>();
        for (var file : files.entrySet()) {
            Path onDisk = resolve(root, file.getKey());
            if (!Files.isRegularFile(onDisk)) {
                changes.add(new Drift.Change(file.getKey(), Drift.Kind.MISSING, ""));
            } else {
                byte[] actual = read(onDisk, resolve(dir, file.getKey()));
                if (!Arrays.equals(actual, file.getValue())) {
                    changes.add(new Drift.Change(file.getKey(), Drift.Kind.CHANGED,
                            Drift.firstDifference(file.getValue(), actual)));
                }
            }
        }
        for (String present : filesUnder(dir, root)) {
            if (!files.containsKey(present)) {
                changes.add(new Drift.Change(present, Drift.Kind.UNEXPECTED, ""));
            }
        }
        changes.sort((a, b) -> a.path().compareTo(b.path()));
        return new Drift(changes);
    }

    /** Every file a compile of {@code tree} writes, the manifest included. */
    public static SortedMap<String, byte[]> expectedFiles(OutputTree tree) {
        SortedMap<String, byte[]> files = new TreeMap<>(tree.files());
        files.put(MANIFEST, manifest(files.keySet()));
        return files;
    }

    private static byte[] manifest(Set<String> files) {
        StringBuilder manifest = new StringBuilder("# Files written by `sloc compile`. Do not edit this directory: "
                + "change the specs and compile again.\n");
        files.forEach(path -> manifest.append(path).append('\n'));
        return manifest.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The output directory with symbolic links resolved (those of its existing part, if it does not exist yet), so
     * that every later check (is it empty, does a path stay inside it) is about the directory really written.
     */
    private static Path outputRoot(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(new SourceLocation(dir.toString(), 0, 0), "the output directory is a file; "
                    + "choose a directory (it is created if absent)");
        }
        if (!Files.exists(dir) && Files.isSymbolicLink(dir)) {
            throw new BadInputException(new SourceLocation(dir.toString(), 0, 0), "the output directory is a "
                    + "symbolic link to nothing; fix the link or choose another directory");
        }
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw FileFailure.of(dir, "open the output directory", e);
        }
    }

    /**
     * The files the manifest lists, each checked to lie inside the output directory: a hand-edited entry must
     * never make sloc delete a file elsewhere.
     */
    private static SortedMap<String, SourceLocation> previousFiles(Path dir, Path root) {
        Path manifest = root.resolve(MANIFEST);
        if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            Path shown = dir.resolve(MANIFEST);
            List<String> lines = readLines(manifest, shown);
            SortedMap<String, SourceLocation> listed = new TreeMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String entry = lines.get(i).strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    SourceLocation at = new SourceLocation(shown.toString(), i + 1, lines.get(i).indexOf(entry) + 1);
                    checkEntry(root, entry, at);
                    listed.putIfAbsent(entry, at);
                }
            }
            return listed;
        }
        if (!filesUnder(dir, root).isEmpty() || Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(new SourceLocation(dir.toString(), 0, 0), "refusing to write into this "
                    + "directory: it is not empty and has no " + MANIFEST + " from an earlier `sloc compile`; "
                    + "choose an empty or new output directory");
        }
        return new TreeMap<>();
    }

    private static void checkEntry(Path root, String entry, SourceLocation at) {
        String problem = null;
        if (entry.indexOf('\0') >= 0) {
            problem = "contains a NUL character";
        } else if (entry.startsWith("/") || entry.startsWith("\\") || Path.of(entry).isAbsolute()) {
            problem = "is an absolute path";
        } else if (Arrays.asList(entry.split("[/\\\\]")).contains("..")) {
            problem = "contains '..'";
        } else if (!staysInside(root, resolve(root, entry))) {
            problem = "leads outside the output directory through a symbolic link";
        } else if (resolve(root, entry).normalize().equals(root)) {
            problem = "names the output directory itself";
        }
        if (problem != null) {
            throw refused(at, entry, problem);
        }
    }

    private static BadInputException refused(SourceLocation at, String entry, String problem) {
        return new BadInputException(at, "refusing to use manifest entry '" + entry + "': it " + problem
                + "; sloc only deletes the files it wrote inside its output directory: remove this line");
    }

    /**
     * A target the compile can write: inside the output directory (no symbolic link on the way leads out), not
     * blocked by a directory or file of that name, and short enough for the file system.
     */
    private static void checkTarget(Path dir, Path root, String file) {
        Path target = resolve(root, file);
        Path shown = resolve(dir, file);
        for (String name : file.split("/")) {
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw cannotWrite(shown, "the name '" + name + "' is longer than " + MAX_NAME_BYTES + " bytes, "
                        + "the file system's limit; shorten the service or SLO name it comes from");
            }
        }
        if (target.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw cannotWrite(shown, "the path is longer than " + MAX_PATH_BYTES + " bytes, the file system's "
                    + "limit; choose a shorter output directory");
        }
        if (!staysInside(root, target)) {
            throw cannotWrite(shown, "a symbolic link on its path leads outside the output directory; remove it");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw cannotWrite(shown, "a directory of that name is in the way; remove or rename it");
        }
        for (Path parent = target.getParent(); !parent.equals(root); parent = parent.getParent()) {
            if (Files.exists(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(parent)) {
                throw cannotWrite(shown, "'" + root.relativize(parent) + "' is a file where a directory is "
                        + "needed; remove or rename it");
            }
        }
    }

    private static BadInputException cannotWrite(Path shown, String why) {
        return new BadInputException(new SourceLocation(shown.toString(), 0, 0), "cannot write this output file: "
                + why);
    }

    /** Whether {@code path}, with the symbolic links of its existing part resolved, is inside {@code root}. */
    private static boolean staysInside(Path root, Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        try {
            Path real = Files.isSymbolicLink(existing) && existing.equals(path)
                    ? existing.getParent().toRealPath().resolve(existing.getFileName())
                    : existing.toRealPath();
            // Below a root that does not exist yet, nothing exists either.
            return real.startsWith(root) || !Files.exists(root) && root.startsWith(real);
        } catch (IOException e) {
            // A dangling or looping link: where it leads cannot be known, so it is not trusted.
            return false;
        }
    }

    /** The files whose content differs from what is on disk. */
    private static Map<String, byte[]> changedFiles(Path dir, Path root, SortedMap<String, byte[]> files) {
        Map<String, byte[]> changed = new LinkedHashMap<>();
        for (var file : files.entrySet()) {
            Path target = resolve(root, file.getKey());
            if (!Files.isRegularFile(target)
                    || !Arrays.equals(read(target, resolve(dir, file.getKey())), file.getValue())) {
                changed.put(file.getKey(), file.getValue());
            }
        }
        return changed;
    }

    /**
     * Each content written to a temporary file in the output directory (created now if absent), keyed by its
     * target; on any failure, none is left.
     */
    private static Map<Path, Path> stage(Path dir, Path root, Map<String, byte[]> contents) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw FileFailure.of(dir, "create the output directory", e);
        }
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (var file : contents.entrySet()) {
                Path temp = Files.createTempFile(root, TEMP_PREFIX, TEMP_SUFFIX);
                staged.put(resolve(root, file.getKey()), temp);
                Files.write(temp, file.getValue());
            }
            return staged;
        } catch (IOException e) {
            staged.values().forEach(OutputWriter::deleteQuietly);
            throw FileFailure.of(dir, "write a temporary file in the output directory", e);
        }
    }

    private static void replace(Path target, Path temp) {
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw FileFailure.of(target, "replace it", e);
        }
    }

    /** The temporary files of an earlier compile that was killed before it renamed them. */
    private static void deleteTemporaryFiles(Path dir, Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(OutputWriter::isTemporary).forEach(OutputWriter::deleteQuietly);
        } catch (IOException e) {
            throw FileFailure.of(dir, "list the output directory", e);
        }
    }

    /** A file of an earlier compile that this one no longer produces, and the directories it leaves empty. */
    private static void delete(Path dir, Path root, String file) {
        Path gone = resolve(root, file);
        try {
            Files.deleteIfExists(gone);
            deleteEmptyParents(gone.getParent(), root);
        } catch (IOException e) {
            throw FileFailure.of(resolve(dir, file), "delete this file of an earlier compile", e);
        }
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the next compile deletes what is left.
        }
    }

    /** The regular files under the output directory, temporary files of a compile aside. */
    private static List<String> filesUnder(Path dir, Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .filter(p -> !(p.getParent().equals(root) && isTemporary(p)))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw FileFailure.of(dir, "list the output directory", e);
        }
    }

    private static byte[] read(Path file, Path shown) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw FileFailure.of(shown, "read it", e);
        }
    }

    private static List<String> readLines(Path file, Path shown) {
        return Arrays.asList(new String(read(file, shown), StandardCharsets.UTF_8).split("\r?\n", -1));
    }

    private static Path resolve(Path dir, String relative) {
        return dir.resolve(relative.replace('/', dir.getFileSystem().getSeparator().charAt(0)));
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
