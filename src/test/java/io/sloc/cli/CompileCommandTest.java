package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
    private final SlocCli sloc = new SlocCli();

    @TempDir
    Path temp;

    /** A service with one SLO and an alert protecting it, the alert's fields given. */
    private static String shop(String alertFields) {
        return "service shop { slo a { objective 99% sli availability `up` alerting none }\n"
                + "alert ShopDown { " + alertFields + " } }";
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void compilesTheHatagoSpecsAndCheckFindsThemInSync() {
        Path output = temp.resolve("generated");
        String specs = Shared.projectDir().resolve("slo-specs").toString();
        assertThat(sloc.run("compile", specs, "-o", output.toString())).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).contains("compiled 1 service(s)");
        assertThat(sloc.err()).isEmpty();
        assertThat(output.resolve("rules/hatago.rules.yml")).exists();
        assertThat(sloc.run("compile", specs, "-o", output.toString(), "--check")).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).contains("is up to date");
    }

    /** The target changes only the behaviour tests: compiled for 2.42, the output is out of date for 3. */
    @Test
    void thePrometheusVersionSelectsTheBehaviourTestsOnly() throws IOException {
        Path output = temp.resolve("generated");
        String specs = Shared.projectDir().resolve("slo-specs").toString();
        assertThat(sloc.run("compile", specs, "-o", output.toString(), "--prometheus", "2.42")).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(output.resolve("tests/hatago-availability.yml")))
                .contains("computed for Prometheus 2.42's range windows");
        assertThat(sloc.run("compile", specs, "-o", output.toString(), "--check", "--prometheus", "2.42"))
                .isEqualTo(ExitCodes.OK);
        assertThat(sloc.run("compile", specs, "-o", output.toString(), "--check")).isEqualTo(ExitCodes.FAILED);
        assertThat(sloc.err()).contains("changed:    tests/hatago-availability.yml")
                .doesNotContain("rules/", "grafana/", "runbooks/");
        assertThat(sloc.run("compile", specs, "-o", output.toString(), "--check", "--prometheus", "3.14"))
                .isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void anUnknownPrometheusVersionIsAUsageErrorListingTheAcceptedOnes() {
        for (String command : new String[] {"compile", "check"}) {
            String[] args = command.equals("compile")
                    ? new String[] {"compile", "specs", "-o", temp.toString(), "--prometheus", "2.41"}
                    : new String[] {"check", temp.toString(), "--prometheus", "2.41"};
            assertThat(sloc.run(args)).as(command).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(sloc.err()).as(command).contains("Invalid value for option '--prometheus': unknown Prometheus "
                    + "version '2.41' (accepted: 3, 3.14, 2.42)", "Try 'sloc " + command + " --help'")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void checkExitsOneAndShowsTheDriftWithoutWriting() throws IOException {
        Path spec = write("specs/shop.slo", shop("expr `up == 0` severity page slo a"));
        Path output = temp.resolve("generated");
        assertThat(sloc.run("compile", spec.toString(), "-o", output.toString())).isEqualTo(ExitCodes.OK);
        Files.writeString(spec, shop("expr `up == 0` for 5m severity page slo a"));
        String before = Files.readString(output.resolve("rules/shop.rules.yml"));

        assertThat(sloc.run("compile", spec.toString(), "-o", output.toString(), "--check")).isEqualTo(ExitCodes.FAILED);
        assertThat(sloc.err()).contains("changed:    rules/shop.rules.yml", "compiled:     for: 5m",
                "is out of date (1 file(s) differ)");
        assertThat(Files.readString(output.resolve("rules/shop.rules.yml"))).isEqualTo(before);
    }

    @Test
    void aFailedCompileLeavesTheOutputUntouched() throws IOException {
        Path spec = write("shop.slo", shop("expr `up == 0` severity page slo a"));
        Path output = temp.resolve("generated");
        sloc.run("compile", spec.toString(), "-o", output.toString());
        String before = Files.readString(output.resolve("rules/shop.rules.yml"));
        Files.writeString(spec, shop("expr `up == ` severity page slo a"));
        assertThat(sloc.run("compile", spec.toString(), "-o", output.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).startsWith(spec + ":2:").contains(": error: ").endsWith(" [compile]\n")
                .doesNotContain("Exception");
        assertThat(Files.readString(output.resolve("rules/shop.rules.yml"))).isEqualTo(before);
    }

    @Test
    void warningsGoToStderrAndDoNotFailTheCompile() throws IOException {
        Path spec = write("shop.slo", "service shop { slo a { objective 99% sli availability `up`\n"
                + "alerting { window { budget 10% factor 2.88 long 1d short 2h severity ticket } } } }");
        assertThat(sloc.run("compile", spec.toString(), "-o", temp.resolve("out").toString())).isEqualTo(ExitCodes.OK);
        assertThat(sloc.err()).startsWith(spec + ":2:39: warning: factor 2.88 disagrees");
    }

    @Test
    void importsAreReadRelativeToTheImportingFileOnce() throws IOException {
        write("lib/policies.slo", "policy quick { window { budget 5% long 1h short 5m severity page } }");
        write("lib/runbooks.slo", "import \"policies.slo\"\nrunbook down { step \"restart\" }");
        Path spec = write("svc/shop.slo", "import \"../lib/policies.slo\"\nimport \"../lib/runbooks.slo\"\n"
                + "service shop { slo a { objective 99% sli availability `up` alerting quick runbook down } }");
        Path output = temp.resolve("out");
        assertThat(sloc.run("compile", spec.toString(), "-o", output.toString(), "--runbook-base-url",
                "https://rb.example")).as(sloc.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(output.resolve("rules/shop.rules.yml")))
                .contains("runbook_url: https://rb.example/down.md", "long_window: 1h");
        assertThat(output.resolve("runbooks/down.md")).exists();
    }

    /** Some editors start UTF-8 files with a byte-order mark: it is no character of the spec. */
    @Test
    void aLeadingByteOrderMarkIsIgnored() throws IOException {
        Path spec = temp.resolve("bom.slo");
        Files.write(spec, ("\ufeff" + shop("expr `up == 0` severity page slo a")).getBytes(StandardCharsets.UTF_8));
        assertThat(sloc.run("compile", spec.toString(), "-o", temp.resolve("o").toString())).as(sloc.err())
                .isEqualTo(ExitCodes.OK);
        assertThat(sloc.err()).isEmpty();
    }

    @Test
    void missingInputIsBadInput() {
        assertThat(sloc.run("compile", temp.resolve("nope.slo").toString(), "-o", temp.resolve("o").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("nope.slo: error: cannot read it: it does not exist; check the path [compile]");
        assertThat(sloc.run("compile", "-o", temp.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
