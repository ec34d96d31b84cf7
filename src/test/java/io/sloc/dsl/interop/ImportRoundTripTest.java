package io.sloc.dsl.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.cli.ExitCodes;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18's round trip: compile(original) == compile(sloc import original), byte for byte, file for file. */
class ImportRoundTripTest {
    @TempDir
    Path temp;

    @Test
    void everyExampleThatCompilesCompilesTheSameAfterImport() throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Shared.require("interop"))) {
            walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted()
                    .forEach(inputs::add);
        }
        inputs.add(Shared.projectDir().resolve("src/test/resources/interop/openslo-v1-shop.yaml"));
        List<String> roundTripped = new ArrayList<>();
        for (Path input : inputs) {
            Path work = temp.resolve("case" + roundTripped.size() + "-" + input.getFileName());
            SlocCli sloc = new SlocCli();
            if (sloc.run("compile", input.toString(), "-o", work.resolve("original").toString()) != ExitCodes.OK) {
                continue;
            }
            assertThat(sloc.run("import", input.toString(), "-o", work.resolve("imported").toString()))
                    .as(sloc.err()).isEqualTo(ExitCodes.OK);
            assertThat(sloc.run("compile", work.resolve("imported").toString(), "-o",
                    work.resolve("recompiled").toString())).as(sloc.err()).isEqualTo(ExitCodes.OK);
            assertThat(tree(work.resolve("recompiled"))).as(input.toString())
                    .isEqualTo(tree(work.resolve("original")));
            roundTripped.add(input.getFileName().toString());
        }
        assertThat(roundTripped).hasSizeGreaterThanOrEqualTo(15);
    }

    /** Every file of a compile's output by relative path, with its bytes as text. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
