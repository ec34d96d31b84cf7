package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.FileFailure;
import io.sloc.diag.SourceLocation;
import io.sloc.dsl.SpecText;
import io.sloc.dsl.format.SpecFormatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sloc fmt}: formats spec files canonically. Every file is formatted in memory first, so a syntax error in one
 * leaves all of them untouched; a changed file is replaced atomically (written beside it, then renamed over it).
 */
public final class FormatSpecs {
    private FormatSpecs() {
    }

    /** The files whose text is not canonical, in argument order (directories: their *.slo files by path). */
    public static List<Path> run(List<Path> inputs, boolean write) {
        Map<Path, String> changed = new LinkedHashMap<>();
        for (Path file : files(inputs)) {
            String text = read(file);
            String formatted = SpecFormatter.format(text, file.toString());
            if (!formatted.equals(text)) {
                changed.put(file, formatted);
            }
        }
        if (write) {
            changed.forEach(FormatSpecs::replace);
        }
        return List.copyOf(changed.keySet());
    }

    private static List<Path> files(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> specs = SpecLoader.specsUnder(input);
                if (specs.isEmpty()) {
                    throw new BadInputException(new SourceLocation(input.toString(), 0, 0),
                            "no " + SpecLoader.EXTENSION + " files in this directory");
                }
                files.addAll(specs);
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return SpecText.decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw FileFailure.of(file, "read it", e);
        }
    }

    /** Writes {@code text} to {@code file} beside it first, then renames it over the file. */
    static void replace(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".sloc-fmt-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw FileFailure.of(file, "write it", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; that failure is the one to report
        }
    }
}
