package io.sloc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.Shared;
import io.sloc.testsupport.SlocCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private final SlocCli sloc = new SlocCli();

    @TempDir
    Path temp;

    @Test
    void writesOneSelfContainedPageWithASectionPerHatagoSloTheSameEveryRun() throws IOException {
        String specs = Shared.projectDir().resolve("slo-specs").toString();
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        assertThat(sloc.run("report", specs, "-o", first.toString())).isEqualTo(ExitCodes.OK);
        assertThat(sloc.run("report", specs, "-o", second.toString())).isEqualTo(ExitCodes.OK);
        assertThat(sloc.out()).contains("wrote the report of 5 SLO(s) to " + first.resolve("index.html"));
        assertThat(sloc.err()).isEmpty();
        String page = Files.readString(first.resolve("index.html"));
        assertThat(Files.readString(second.resolve("index.html"))).isEqualTo(page);
        for (String slo : new String[] {"availability", "latency-p95", "latency-p99", "error-rate", "instance-uptime"}) {
            assertThat(page).contains("<section class=\"slo\" id=\"hatago--" + slo + "\">");
        }
        assertThat(page).doesNotContain("http://", "https://", "<script", "<link").contains("<svg", "<title",
                "<desc", "@media print");
    }

    @Test
    void anSloWithoutAlertsSaysSoAndBadInputIsOneLocatedError() throws IOException {
        Path spec = temp.resolve("shop.slo");
        Files.writeString(spec, "service shop { slo a { objective 99% sli availability `up` alerting none } }\n");
        assertThat(sloc.run("report", spec.toString(), "-o", temp.resolve("out").toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(temp.resolve("out/index.html"))).contains("No burn-rate alerts");
        Files.writeString(spec, "service shop { slo a { objective 199% } }\n");
        assertThat(sloc.run("report", spec.toString(), "-o", temp.resolve("bad").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).startsWith(spec + ":1:").contains(": error: ").endsWith(" [report]\n")
                .doesNotContain("Exception", "\tat ");
        assertThat(temp.resolve("bad")).doesNotExist();
    }

    @Test
    void aProposalNeedsAHistoryAndAMissingHistoryIsOneError() throws IOException {
        Path spec = Files.writeString(temp.resolve("shop.slo"),
                "service shop { slo a { objective 99% sli availability `up` alerting none } }\n");
        assertThat(sloc.run("report", spec.toString(), "-o", temp.resolve("out").toString(), "--proposed",
                spec.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("--proposed needs --history");
        assertThat(sloc.run("report", spec.toString(), "-o", temp.resolve("out").toString(), "--history",
                temp.resolve("missing.json").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sloc.err()).contains("missing.json").doesNotContain("Exception");
    }
}
