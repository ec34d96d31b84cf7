package io.sloc.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each install route of the README, as a user takes it: unpack or install the artefact {@code mvn package} built,
 * symlink its {@code sloc} onto PATH, and compile the Hatago specs from another directory. Runs after the package
 * phase (JUnit tag {@code dist}, in {@code mvn verify}).
 */
@Tag("dist")
class DistributionTest {
    private static final Path PROJECT = Shared.projectDir();

    @TempDir
    Path temp;

    @Test
    void selfContainedTarballRunsWithoutAnyJdk() throws Exception {
        Path archive = Installation.artefact("sloc-" + Installation.VERSION + "-linux-x64.tar.gz");
        Installation user = new Installation(temp);
        Path home = Installation.extract(archive, temp.resolve("opt"));
        user.linkOnPath(home.resolve("bin/sloc"));
        user.assertNoJavaOnPath();

        assertVersionAndCompile(user);
        assertThat(home.resolve("lib/sloc.aot").toFile().exists() || home.resolve("lib/sloc.jsa").toFile().exists())
                .as("a start-up cache recorded at package time").isTrue();
    }

    /**
     * {@code sloc test} of the Hatago rule tests, one file and all, runs from the self-contained distribution's AOT
     * cache alone: no class read from a jar (the training loads what rule tests load) and no invokedynamic call site
     * linked at run time (record methods, serializable comparators and lambdas the training did not reach are spun at
     * every start: README, Start-up).
     */
    @Test
    void selfContainedTestNeedsNothingOutsideItsStartUpCache() throws Exception {
        Path home = Installation.extract(Installation.artefact("sloc-" + Installation.VERSION + "-linux-x64.tar.gz"),
                temp.resolve("opt"));
        Installation user = new Installation(temp);
        user.linkOnPath(home.resolve("bin/sloc"));
        user.env.put("SLOC_JAVA_OPTS", "-Xlog:class+load -Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true");
        List<String> tests;
        try (Stream<Path> files = Files.list(PROJECT.resolve("generated/tests"))) {
            tests = files.map(Path::toString).sorted().toList();
        }
        for (List<String> files : List.of(tests.subList(0, 1), tests)) {
            List<String> args = new ArrayList<>(List.of("test"));
            args.addAll(files);
            Installation.Result run = user.sloc(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout().lines())
                    .noneMatch(line -> line.contains("[class,load]") && line.contains("source: file:"))
                    .noneMatch(line -> line.startsWith("linkCallSite "));
        }
    }

    @Test
    void plainTarballRunsOnTheJavaOfJavaHome() throws Exception {
        Installation user = new Installation(temp);
        Path home = Installation.extract(Installation.artefact("sloc-" + Installation.VERSION + ".tar.gz"),
                temp.resolve("opt"));
        user.linkOnPath(home.resolve("bin/sloc"));
        user.env.put("JAVA_HOME", System.getProperty("java.home"));

        assertVersionAndCompile(user);
    }

    @Test
    void plainTarballRunsOnTheJavaOfPath() throws Exception {
        Installation user = new Installation(temp);
        Path home = Installation.extract(Installation.artefact("sloc-" + Installation.VERSION + ".tar.gz"),
                temp.resolve("opt"));
        user.linkOnPath(home.resolve("bin/sloc"));
        Path javaBin = Files.createDirectories(temp.resolve("java-bin"));
        Installation.wrapper(javaBin.resolve("java"), Path.of(System.getProperty("java.home"), "bin/java"));
        user.env.put("PATH", user.env.get("PATH") + ":" + javaBin);

        assertVersionAndCompile(user);
    }

    @Test
    void plainTarballSaysWhatIsMissingWithoutJava() throws Exception {
        Installation user = new Installation(temp);
        Path home = Installation.extract(Installation.artefact("sloc-" + Installation.VERSION + ".tar.gz"),
                temp.resolve("opt"));
        user.linkOnPath(home.resolve("bin/sloc"));
        user.assertNoJavaOnPath();

        Installation.Result none = user.sloc("--version");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("sloc: no Java found: JAVA_HOME is not set and there is no java on PATH")
                .contains("install Java 17 or newer");

        Path oldJdk = Files.createDirectories(temp.resolve("jdk-11/bin"));
        Files.writeString(oldJdk.resolveSibling("release"), "JAVA_VERSION=\"11.0.22\"\n");
        Files.writeString(oldJdk.resolve("java"), "#!/bin/sh\nexit 99\n");
        oldJdk.resolve("java").toFile().setExecutable(true);
        user.env.put("JAVA_HOME", oldJdk.getParent().toString());
        Installation.Result old = user.sloc("--version");
        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.stderr()).contains("sloc needs Java 17 or newer; the Java from JAVA_HOME (" + oldJdk.getParent()
                + ") is version 11");
    }

    @Test
    void zipHoldsTheSameFilesAsTheTarballWithAnExecutableLauncher() throws Exception {
        String name = "sloc-" + Installation.VERSION;
        Path fromZip = Installation.extract(Installation.artefact(name + ".zip"), temp.resolve("zip"));
        Path fromTar = Installation.extract(Installation.artefact(name + ".tar.gz"), temp.resolve("tar"));

        assertThat(contents(fromZip)).isEqualTo(contents(fromTar));
        assertThat(Files.isExecutable(fromZip.resolve("bin/sloc"))).isTrue();
    }

    /**
     * The .deb installed with dpkg into a temporary root: {@code --root} installs there and keeps its database there;
     * {@code --force-script-chrootless} runs the maintainer scripts (jpackage's, which do nothing for a program without
     * desktop shortcuts) without the chroot that only root may make; {@code --force-depends} because that root has no
     * libc6 registered. A plain {@code dpkg -i} would need root and change this machine.
     */
    @Test
    void debInstallsUsrBinSloc() throws Exception {
        Path deb = Installation.artefact("sloc_" + Installation.VERSION + "_amd64.deb");
        Path root = temp.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.createFile(root.resolve("var/lib/dpkg/status"));
        Process dpkg = new ProcessBuilder("dpkg", "--root=" + root, "--force-not-root", "--force-bad-path",
                "--force-script-chrootless", "--force-depends", "--log=/dev/null", "-i", deb.toString())
                .redirectErrorStream(true).start();
        String log = new String(dpkg.getInputStream().readAllBytes());
        assertThat(dpkg.waitFor()).as(log).isZero();
        assertThat(log).contains("Setting up sloc");

        Installation user = new Installation(temp.resolve("user"));
        user.linkOnPath(root.resolve("usr/bin/sloc"));
        user.assertNoJavaOnPath();
        assertVersionAndCompile(user);
    }

    /**
     * The clone's own {@code ./sloc} (the README's route without installing), reached through a chain of symlinks,
     * one of them relative, runs from another directory on the JDK on PATH.
     */
    @Test
    void cloneLauncherRunsThroughSymlinksOnPath() throws Exception {
        Installation user = new Installation(temp);
        Path tools = Files.createDirectories(temp.resolve("clone-tools"));
        for (String tool : List.of("bash", "find", "readlink")) {
            Installation.wrapper(tools.resolve(tool), Path.of("/usr/bin", tool));
        }
        Installation.wrapper(tools.resolve("java"), Path.of(System.getProperty("java.home"), "bin/java"));
        user.env.put("PATH", user.env.get("PATH") + ":" + tools);
        Path outOfTemp = temp.resolve("links/sloc");
        Files.createDirectories(outOfTemp.getParent());
        Files.createSymbolicLink(outOfTemp, PROJECT.resolve("sloc"));
        user.linkOnPath(Path.of("../links/sloc"));
        try {
            assertVersionAndCompile(user);

            // Its start-up archive, recorded by a run as ./sloc in the clone, serves a run through the link.
            try (Stream<Path> archives = Files.list(PROJECT.resolve("target"))) {
                for (Path archive : archives.filter(p -> p.toString().endsWith("-cli.jsa")).toList()) {
                    Files.delete(archive);
                }
            }
            Process recording = new ProcessBuilder("./sloc", "--version").directory(PROJECT.toFile())
                    .redirectErrorStream(true).start();
            String recorded = new String(recording.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(recording.waitFor()).as(recorded).isZero();
            user.env.put("SLOC_JAVA_OPTS", "-Xlog:cds=warning,cds+dynamic=warning:stderr");
            Installation.Result linked = user.sloc("--version");
            assertThat(linked.exitCode()).as(linked.stderr()).isZero();
            assertThat(linked.stderr()).doesNotContain("Unable to use shared archive");
        } finally {
            Files.delete(outOfTemp); // before @TempDir's clean-up, which warns about links out of it
        }
    }

    private static void assertVersionAndCompile(Installation user) throws Exception {
        Installation.Result version = user.sloc("--version");
        assertThat(version.exitCode()).as(version.stderr()).isZero();
        assertThat(version.stdout().strip()).isEqualTo("sloc " + Installation.VERSION);

        Path out = user.workDir.resolve("generated");
        Installation.Result compile = user.sloc("compile", PROJECT.resolve("slo-specs").toString(), "-o", "generated");
        assertThat(compile.exitCode()).as(compile.stderr()).isZero();
        assertThat(contents(out)).isEqualTo(contents(PROJECT.resolve("generated")));
    }

    /** Relative path → content (bytes as ISO-8859-1) of every file under a directory. */
    static TreeMap<String, String> contents(Path dir) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
