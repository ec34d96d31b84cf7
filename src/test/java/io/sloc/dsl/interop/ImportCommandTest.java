package io.sloc.dsl.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.cli.ExitCodes;
import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sloc import FILE... -o DIR}: canonical .slo specs, comments where the source described more. */
class ImportCommandTest {
    private final SlocCli sloc = new SlocCli();

    @TempDir
    Path temp;

    @Test
    void writesOneFormattedSpecPerFileWithItsOriginAndDescriptionsAsComments() throws IOException {
        Path openSlo = Shared.require("interop/sloth/examples/openslo-getting-started.yml");
        Path out = temp.resolve("specs");
        assertThat(sloc.run("import", openSlo.toString(), "-o", out.toString())).as(sloc.err())
                .isEqualTo(ExitCodes.OK);
        Path spec = out.resolve("openslo-getting-started.slo");
        assertThat(sloc.out()).isEqualTo(spec + "\n");
        String text = Files.readString(spec);
        assertThat(text).startsWith("# Imported by `sloc import` from openslo-getting-started.yml")
                .contains("# metadata.displayName: Requests Availability\n  slo sloth-slo-my-service-0 {",
                        "description \"Common SLO based on availability for HTTP request responses.\"",
                        "objective 99.9%", "alerting none");
        // Canonical: sloc fmt leaves it as it is.
        assertThat(sloc.run("fmt", "--check", spec.toString())).as(sloc.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void badInputWritesNothing() throws IOException {
        Path good = Shared.require("interop/pyrra/nginx.yaml");
        Path bad = Shared.require("interop/sloth/examples/raw-home-wifi.yml");
        Path out = temp.resolve("specs");
        assertThat(sloc.run("import", good.toString(), bad.toString(), "-o", out.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains(bad + ":28:9: error: slos[0].sli.raw: not supported");
        assertThat(out).doesNotExist();
    }

    @Test
    void twoInputsOfOneNameAreRefused() throws IOException {
        Path a = Shared.require("interop/sloth/examples/getting-started.yml");
        Path b = Shared.require("interop/sloth/examples/_gen/getting-started.yml");
        assertThat(sloc.run("import", a.toString(), b.toString(), "-o", temp.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("another input is also imported as " + temp.resolve("getting-started.slo"));
    }
}
