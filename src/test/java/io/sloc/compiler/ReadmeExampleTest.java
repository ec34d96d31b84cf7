package io.sloc.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.pipeline.CompileSpecs;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's DSL example compiles (imports are not followed in memory), so the documentation cannot rot. */
class ReadmeExampleTest {
    @Test
    void theDslExampleCompilesWithoutWarnings() throws IOException {
        String readme = Files.readString(TestCompiles.projectPath("README.md"));
        int section = readme.indexOf("## The DSL by example");
        assertThat(section).isNotNegative();
        int start = readme.indexOf("```\n", section) + 4;
        String example = readme.substring(start, readme.indexOf("```\n", start));

        CompileSpecs.Result result = TestCompiles.compile(example);

        assertThat(result.warnings()).isEmpty();
        assertThat(TestCompiles.service(result, "hatago").slos()).extracting(s -> s.name())
                .containsExactly("availability", "latency-p95", "latency-native", "instance-uptime");
        assertThat(result.output().files()).containsKeys("rules/hatago.rules.yml",
                "runbooks/availability-slo-breach.md");
    }
}
