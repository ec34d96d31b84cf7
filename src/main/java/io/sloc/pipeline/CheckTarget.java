package io.sloc.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One thing to check. An sloc project has {@code specs}: they are compiled in memory and compared with
 * {@code generated}, whose rule files and rule tests are then checked. Without specs, {@code generated} is just
 * a directory of Prometheus rule files and rule tests (a team that writes rules by hand gets the same checks).
 */
public record CheckTarget(Optional<Path> specs, Path generated) {
    /**
     * The conventional layout under {@code dir}: specs in {@code dir/specsName} when that directory exists,
     * then compared with {@code dir/generatedName}; otherwise {@code dir} itself holds the rule files.
     */
    public static CheckTarget of(Path dir, String specsName, String generatedName) {
        Path specs = dir.resolve(specsName).normalize();
        return Files.isDirectory(specs)
                ? new CheckTarget(Optional.of(specs), dir.resolve(generatedName).normalize())
                : new CheckTarget(Optional.empty(), dir.normalize());
    }
}
