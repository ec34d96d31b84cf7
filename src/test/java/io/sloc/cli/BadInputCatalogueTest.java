package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.SlocCli;
import io.sloc.testsupport.UserFacingText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at the edges, by category: the output directory (manifest entries, what is in the way of a target, a
 * symbolic link given as {@code -o}) and files that cannot be read or written. Each case prints exactly its one
 * expected message ({@code {dir}} stands for the case's directory), exits 2, changes nothing, and names no Java
 * class. Bad specs have their own catalogue (specs/bad, {@link BadSpecCatalogueTest}); bad test and rule files are
 * promtool's business ({@code YamlTextTest}).
 */
class BadInputCatalogueTest {
    private static final String SPEC = "service %s {\n  slo a {\n    objective 99%%\n    sli availability `up`\n"
            + "    alerting none\n  }\n}\n";
    private static final String LONG_NAME = "s".repeat(250);
    private static final String MANIFEST_REFUSAL = "; sloc only deletes the files it wrote inside its output "
            + "directory: remove this line";

    @TempDir
    Path dir;

    /** A bad input: what to prepare in {@code dir}, the arguments, the one message expected on stderr. */
    record Case(String name, Setup setup, List<String> args, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Setup {
        void prepare(Path dir) throws IOException;
    }

    static Stream<Case> catalogue() {
        List<String> compile = List.of("compile", "{dir}/shop.slo", "-o", "{dir}/out");
        return Stream.of(
                new Case("manifest entry: absolute path", dir -> manifest(dir, dir.resolve("victim.txt").toString()),
                        compile, "{dir}/out/.sloc-manifest:2:1: refusing to use manifest entry '{dir}/victim.txt': "
                        + "it is an absolute path" + MANIFEST_REFUSAL),
                new Case("manifest entry: ..", dir -> manifest(dir, "rules/../../victim.txt"), compile,
                        "{dir}/out/.sloc-manifest:2:1: refusing to use manifest entry 'rules/../../victim.txt': it "
                        + "contains '..'" + MANIFEST_REFUSAL),
                new Case("manifest entry: through a symbolic link", dir -> {
                    manifest(dir, "up/victim.txt");
                    Files.createSymbolicLink(dir.resolve("out/up"), dir);
                }, compile, "{dir}/out/.sloc-manifest:2:1: refusing to use manifest entry 'up/victim.txt': it leads "
                        + "outside the output directory through a symbolic link" + MANIFEST_REFUSAL),
                new Case("target: a directory in the way", dir -> {
                    manifest(dir, "rules/shop.rules.yml");
                    Files.createDirectories(dir.resolve("out/rules/shop.rules.yml/inside"));
                }, compile, "{dir}/out/rules/shop.rules.yml: cannot write this output file: a directory of that "
                        + "name is in the way; remove or rename it"),
                new Case("target: a file where a directory is needed", dir -> {
                    manifest(dir, "");
                    Files.writeString(dir.resolve("out/rules"), "not a directory");
                }, compile, "{dir}/out/rules/shop.rules.yml: cannot write this output file: 'rules' is a file where "
                        + "a directory is needed; remove or rename it"),
                new Case("target: a name too long for the file system", dir -> spec(dir, LONG_NAME), compile,
                        "{dir}/out/grafana/dashboards/service-" + LONG_NAME + ".json: cannot write this output file: "
                        + "the name 'service-" + LONG_NAME + ".json' is longer than 255 bytes, the file system's "
                        + "limit; shorten the service or SLO name it comes from"),
                new Case("-o: a symbolic link to a directory sloc did not write", dir -> {
                    Files.createDirectories(dir.resolve("foreign"));
                    Files.writeString(dir.resolve("foreign/victim.txt"), "keep me");
                    Files.createSymbolicLink(dir.resolve("out"), dir.resolve("foreign"));
                }, compile, "{dir}/out: refusing to write into this directory: it is not empty and has no "
                        + ".sloc-manifest from an earlier `sloc compile`; choose an empty or new output directory"),
                new Case("-o: a file", dir -> Files.writeString(dir.resolve("out"), "keep me"), compile,
                        "{dir}/out: the output directory is a file; choose a directory (it is created if absent)"),
                new Case("-o: below a file", dir -> Files.writeString(dir.resolve("victim.txt"), "keep me"),
                        List.of("compile", "{dir}/shop.slo", "-o", "{dir}/victim.txt/out"),
                        "{dir}/victim.txt/out: cannot create the output directory: a part of the path is a file, "
                        + "not a directory; check the path"),
                new Case("-o: a symbolic link to nothing", dir -> Files.createSymbolicLink(dir.resolve("out"),
                        dir.resolve("nowhere")), compile, "{dir}/out: the output directory is a symbolic link to "
                        + "nothing; fix the link or choose another directory"),
                new Case("spec: does not exist", dir -> { }, List.of("compile", "{dir}/nope.slo", "-o", "{dir}/out"),
                        "{dir}/nope.slo: cannot read it: it does not exist; check the path"),
                new Case("spec: below a file", dir -> { }, List.of("compile", "{dir}/shop.slo/x.slo", "-o",
                        "{dir}/out"), "{dir}/shop.slo/x.slo: cannot read it: a part of the path is a file, not a "
                        + "directory; check the path"),
                new Case("test --junit: a directory", dir -> {
                    Files.createDirectories(dir.resolve("report.xml"));
                    Files.writeString(dir.resolve("t.yml"), "rule_files: []\ntests: []\n");
                }, List.of("test", "--junit", "{dir}/report.xml", "{dir}/t.yml"), "{dir}/report.xml: cannot write "
                        + "the JUnit report: it is a directory; remove or rename that directory"),
                new Case("check --junit: below a file", dir -> Files.writeString(dir.resolve("victim.txt"), "x"),
                        List.of("check", "--junit", "{dir}/victim.txt/report.xml", "--specs", "{dir}/shop.slo",
                                "{dir}"), "{dir}/victim.txt/report.xml: cannot write the JUnit report: "
                        + "{dir}/victim.txt is in the way; move it away or choose another path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void yieldsExactlyItsMessageAndChangesNothing(Case bad) throws IOException {
        spec(dir, "shop");
        bad.setup().prepare(dir);
        List<String> before = snapshot();
        SlocCli sloc = new SlocCli();
        int exit = sloc.run(bad.args().stream().map(this::expand).toList());

        String expected = expand(bad.expected());
        int message = expected.indexOf(": ");
        assertThat(sloc.err()).isEqualTo(expected.substring(0, message) + ": error: " + expected.substring(message + 2)
                + " [" + bad.args().get(0) + "]" + System.lineSeparator());
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(snapshot()).as("files after the failure").isEqualTo(before);
        UserFacingText.assertNoJavaClassNames(sloc.out() + sloc.err());
    }

    private String expand(String text) {
        return text.replace("{dir}", dir.toString());
    }

    private static void spec(Path dir, String service) throws IOException {
        Files.writeString(dir.resolve("shop.slo"), String.format(SPEC, service));
    }

    /** An output directory an earlier compile owns, its manifest listing {@code entry}. */
    private static void manifest(Path dir, String entry) throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/.sloc-manifest"), "# Files written by `sloc compile`.\n" + entry + "\n");
        Files.writeString(dir.resolve("victim.txt"), "keep me");
    }

    /** Every path under the case's directory with its content, symbolic links not followed. */
    private List<String> snapshot() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.sorted().map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? " " + read(p) : ""))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
