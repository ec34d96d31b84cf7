package io.sloc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sloc.diag.BadInputException;
import io.sloc.emit.OutputTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
    @TempDir
    Path temp;

    private static OutputTree tree(String... pathsAndTexts) {
        OutputTree tree = new OutputTree();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            tree.add(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return tree;
    }

    @Test
    void writesFilesAndAManifest() throws IOException {
        Path out = temp.resolve("generated");
        OutputWriter.write(tree("rules/a.rules.yml", "a\n", "runbooks/r.md", "# r\n"), out);
        assertThat(out.resolve("rules/a.rules.yml")).hasContent("a");
        assertThat(out.resolve("runbooks/r.md")).hasContent("# r");
        assertThat(Files.readAllLines(out.resolve(OutputWriter.MANIFEST))).contains("rules/a.rules.yml",
                "runbooks/r.md");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
        }
    }

    @Test
    void removesFilesAnEarlierCompileWroteAndLeavesUnchangedFilesAlone() throws IOException {
        Path out = temp.resolve("generated");
        OutputWriter.write(tree("rules/a.rules.yml", "a\n", "rules/old.rules.yml", "old\n"), out);
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(out.resolve("rules/a.rules.yml"), before);
        OutputWriter.write(tree("rules/a.rules.yml", "a\n", "runbooks/new.md", "new\n"), out);
        assertThat(out.resolve("rules/old.rules.yml")).doesNotExist();
        assertThat(out.resolve("runbooks/new.md")).hasContent("new");
        assertThat(Files.getLastModifiedTime(out.resolve("rules/a.rules.yml"))).isEqualTo(before);
        OutputWriter.write(tree("runbooks/new.md", "new\n"), out);
        assertThat(out.resolve("rules")).doesNotExist();
    }

    @Test
    void refusesANonEmptyDirectoryItDidNotWrite() throws IOException {
        Files.writeString(temp.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> OutputWriter.write(tree("rules/a.rules.yml", "a\n"), temp))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not empty");
        assertThat(temp.resolve("precious.txt")).hasContent("keep me");
        assertThat(temp.resolve("rules")).doesNotExist();
    }

    @Test
    void compareReportsChangedMissingAndUnexpectedFiles() throws IOException {
        Path out = temp.resolve("generated");
        OutputWriter.write(tree("a.yml", "one\ntwo\n", "b.yml", "b\n"), out);
        assertThat(OutputWriter.compare(tree("a.yml", "one\ntwo\n", "b.yml", "b\n"), out).inSync()).isTrue();

        Files.writeString(out.resolve("stray.txt"), "?");
        Drift drift = OutputWriter.compare(tree("a.yml", "one\nTWO\n", "b.yml", "b\n", "c.yml", "c\n"), out);
        assertThat(drift.inSync()).isFalse();
        assertThat(drift.changes()).extracting(Drift.Change::path).contains("a.yml", "c.yml", "stray.txt");
        assertThat(drift.render()).contains("changed:    a.yml", "line 2:", "compiled: TWO", "on disk:  two",
                "missing:    c.yml", "unexpected: stray.txt");
    }

    @Test
    void treeRejectsUnsafePathsAndDoubleClaims() {
        OutputTree tree = new OutputTree();
        tree.add("a.yml", "x");
        assertThatThrownBy(() -> tree.add("a.yml", "y")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tree.add("../escape", "y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.add("/abs", "y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manifestEntriesLeadingOutOfTheOutputDirectoryAreRefusedAtTheirLine() throws IOException {
        Path out = temp.resolve("generated");
        Path victim = Files.writeString(temp.resolve("victim.txt"), "keep me");
        OutputWriter.write(tree("a.yml", "a\n"), out);
        Files.createSymbolicLink(out.resolve("up"), temp);
        Path manifest = out.resolve(OutputWriter.MANIFEST);
        String written = Files.readString(manifest);
        for (String entry : List.of(victim.toString(), "../victim.txt", "up/victim.txt")) {
            Files.writeString(manifest, written + "  " + entry + "\n");
            assertThatThrownBy(() -> OutputWriter.write(tree("b.yml", "b\n"), out))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("refusing to use manifest entry '" + entry + "': it ")
                    .hasMessageEndingWith("; sloc only deletes the files it wrote inside its output directory: "
                            + "remove this line")
                    .extracting(e -> ((BadInputException) e).location().toString())
                    .isEqualTo(manifest + ":3:3");
            assertThat(victim).hasContent("keep me");
            assertThat(out.resolve("a.yml")).hasContent("a");
            assertThat(out.resolve("b.yml")).doesNotExist();
        }
    }

    @Test
    void aTargetBlockedByADirectoryChangesNothing() throws IOException {
        Path out = temp.resolve("generated");
        OutputWriter.write(tree("a.yml", "old a\n", "b.yml", "old b\n"), out);
        Files.delete(out.resolve("b.yml"));
        Files.createDirectories(out.resolve("b.yml/inside"));
        assertThatThrownBy(() -> OutputWriter.write(tree("a.yml", "new a\n", "b.yml", "new b\n"), out))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cannot write this output file: a directory of that name is in the way; remove or "
                        + "rename it");
        assertThat(out.resolve("a.yml")).hasContent("old a");
        assertThat(filesIn(out)).containsExactly(OutputWriter.MANIFEST, "a.yml");
    }

    @Test
    void aNameTooLongForTheFileSystemChangesNothing() throws IOException {
        Path out = temp.resolve("generated");
        OutputWriter.write(tree("a.yml", "old a\n"), out);
        String longName = "x".repeat(256) + ".yml";
        assertThatThrownBy(() -> OutputWriter.write(tree("a.yml", "new a\n", "rules/" + longName, "x"), out))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cannot write this output file: the name '" + longName + "' is longer than 255 "
                        + "bytes, the file system's limit; shorten the service or SLO name it comes from");
        assertThat(out.resolve("a.yml")).hasContent("old a");
        assertThat(filesIn(out)).containsExactly(OutputWriter.MANIFEST, "a.yml");
    }

    @Test
    void aSymbolicLinkToANonEmptyDirectoryItDidNotWriteIsRefused() throws IOException {
        Path foreign = Files.createDirectories(temp.resolve("foreign"));
        Files.writeString(foreign.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(temp.resolve("out"), foreign);
        assertThatThrownBy(() -> OutputWriter.write(tree("a.yml", "a\n"), link))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not empty");
        assertThat(filesIn(foreign)).containsExactly("precious.txt");
    }

    @Test
    void temporaryFilesOfAKilledCompileAreDeletedByTheNextOne() throws IOException {
        Path out = temp.resolve("generated");
        OutputWriter.write(tree("a.yml", "a\n"), out);
        Files.writeString(out.resolve(".sloc-4711.tmp"), "half a fi");
        OutputWriter.write(tree("a.yml", "a\n"), out);
        assertThat(filesIn(out)).containsExactly(OutputWriter.MANIFEST, "a.yml");
    }

    @Test
    void aKilledFirstCompileStillLeavesADirectoryTheNextOneOwns() throws IOException {
        Path out = Files.createDirectories(temp.resolve("generated"));
        Files.writeString(out.resolve(".sloc-4711.tmp"), "half a fi");
        OutputWriter.write(tree("a.yml", "a\n"), out);
        assertThat(filesIn(out)).containsExactly(OutputWriter.MANIFEST, "a.yml");
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
