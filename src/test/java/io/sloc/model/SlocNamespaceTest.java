package io.sloc.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.rules.RecordingRule;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleFileLoader;
import io.sloc.testsupport.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * sloc check treats the namespace as the specs' alone, so every series the compiler records for the SLOs must be in
 * it; the spec's own recording rules ({@code record "hatago:success_rate:5m" ...}, in the group
 * {@code sloc/<service>/records}) keep the names their authors gave them.
 */
class SlocNamespaceTest {
    @Test
    void everySeriesTheCompiledRulesRecordIsInSlocsNamespace() throws IOException {
        List<String> recorded;
        try (Stream<Path> files = Files.list(Shared.projectDir().resolve("generated/rules"))) {
            recorded = files.map(f -> RuleFileLoader.load(f, f.toString())).map(RuleFile::groups)
                    .flatMap(List::stream).filter(g -> !g.name().endsWith("/records"))
                    .flatMap(g -> g.rules().stream())
                    .filter(r -> r instanceof RecordingRule).map(r -> r.name()).distinct().toList();
        }
        assertThat(recorded).hasSizeGreaterThan(10).allMatch(SlocNamespace::contains);
        assertThat(SlocNamespace.contains("instance:node_cpu:rate5m")).isFalse();
    }
}
