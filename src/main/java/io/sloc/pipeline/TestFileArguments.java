package io.sloc.pipeline;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * promtool's check of its test file arguments (kingpin's {@code ExistingFiles}, the same in 2.42 and 3.x): each
 * must exist and not be a directory; the first that fails is reported. Globs are not expanded: an unmatched shell
 * glob arrives as a literal path that does not exist.
 */
final class TestFileArguments {
    private TestFileArguments() {
    }

    /**
     * kingpin's error for the first bad argument (without promtool's prefix and suffix), or empty; relative names
     * are looked up in {@code workingDir}.
     */
    static Optional<String> firstError(Path workingDir, List<String> files) {
        if (files.isEmpty()) {
            return Optional.of("required argument 'test-rule-file' not provided");
        }
        for (String file : files) {
            Optional<String> error = error(workingDir, file);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> error(Path workingDir, String file) {
        if (file.isEmpty()) {
            return Optional.of(doesNotExist(file));
        }
        Path path = workingDir.resolve(file);
        try {
            if (!Files.readAttributes(path, BasicFileAttributes.class).isDirectory()) {
                return Optional.empty();
            }
            // Go's FileInfo.Name(): the last element of the path as given.
            Path name = path.getFileName();
            return Optional.of("'" + (name == null ? "/" : name.toString()) + "' is a directory");
        } catch (NoSuchFileException e) {
            return Optional.of(doesNotExist(file));
        } catch (FileSystemException e) {
            // os.Stat's error text, e.g. "stat f.yml/x: not a directory".
            String reason = e.getReason() == null ? "" : e.getReason();
            return Optional.of("stat " + file + ": " + reason.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return Optional.of("stat " + file + ": " + e.getMessage());
        }
    }

    private static String doesNotExist(String file) {
        return "path '" + file + "' does not exist";
    }
}
