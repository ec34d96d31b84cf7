package io.sloc.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Locates {@code ../shared} (reference corpora) and the project directory for tests. */
public final class Shared {
    private Shared() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("sloc.project.dir", ".")).toAbsolutePath().normalize();
    }

    public static Optional<Path> sharedDir() {
        Path dir = Path.of(System.getProperty("sloc.shared.dir", projectDir().resolve("../shared").toString()))
                .toAbsolutePath().normalize();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** A path inside ../shared; skips the calling test with a visible message when it is absent. */
    public static Path require(String relative) {
        Optional<Path> dir = sharedDir().map(d -> d.resolve(relative)).filter(Files::exists);
        if (dir.isEmpty()) {
            System.out.println("SKIPPED: ../shared/" + relative + " is not present");
        }
        Assumptions.assumeTrue(dir.isPresent(), "../shared/" + relative + " is not present");
        return dir.get();
    }
}
