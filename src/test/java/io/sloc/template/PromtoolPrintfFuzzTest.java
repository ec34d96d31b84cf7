package io.sloc.template;

import io.sloc.template.PromtoolTemplateProbe.Probe;
import io.sloc.testsupport.FuzzSeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded random printf formats (flags, widths, precisions, verbs, argument indexes) and arguments vs promtool. */
class PromtoolPrintfFuzzTest {
    private static final String[] VERBS = {"v", "d", "s", "f", "F", "g", "G", "e", "E", "x", "X", "o", "O", "b", "c",
        "q", "U", "t", "T", "%", "z", "+v", "#v"};
    private static final String[] ARGS = {"42", "-7", "0", "3.14159", "-0.5", "1e21", "1e-7", "1234.5", "0.000123456",
        "\"str\"", "\"h\u00e9llo\"", "\"\"", "true", "false", "nil", "$value", "$labels.job", "$labels", "255",
        "65", "2.5", "-1234567.891", "(toUpper \"a\\tb\")", "(args 1)"};

    @Test
    void randomFormatsMatchGo(@TempDir Path dir) throws Exception {
        Random random = new Random(FuzzSeed.orDefault(777L));
        int count = Integer.parseInt(System.getenv().getOrDefault("SLOC_FUZZ_COUNT", "400"));
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder format = new StringBuilder();
            int verbs = 1 + random.nextInt(3);
            for (int v = 0; v < verbs; v++) {
                if (random.nextInt(3) == 0) {
                    format.append("ab");
                }
                format.append('%');
                for (char flag : "-+# 0".toCharArray()) {
                    if (random.nextInt(5) == 0) {
                        format.append(flag);
                    }
                }
                if (random.nextInt(8) == 0) {
                    format.append('[').append(1 + random.nextInt(3)).append(']');
                }
                switch (random.nextInt(4)) {
                    case 0 -> format.append(random.nextInt(12));
                    case 1 -> format.append(random.nextInt(10) == 0 ? "*" : "");
                    default -> { }
                }
                switch (random.nextInt(4)) {
                    case 0 -> format.append('.').append(random.nextInt(8));
                    case 1 -> format.append(random.nextInt(6) == 0 ? ".*" : ".");
                    default -> { }
                }
                format.append(VERBS[random.nextInt(VERBS.length)]);
            }
            if (random.nextInt(10) == 0) {
                format.append('%');
            }
            StringBuilder template = new StringBuilder("{{ printf ").append(PromtoolTemplateProbe.json(format.toString()));
            int args = random.nextInt(4);
            for (int a = 0; a < args; a++) {
                template.append(' ').append(ARGS[random.nextInt(ARGS.length)]);
            }
            probes.add(new Probe("m", template.append(" }}").toString()));
        }
        PromtoolTemplateProbe.Outcome outcome = PromtoolTemplateProbe.run(probes, dir);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(outcome.loadErrors()).isEmpty();
        AlertTemplateExpander expander = new AlertTemplateExpander();
        for (int i = 0; i < probes.size(); i++) {
            String got = expander.expand("P" + i, probes.get(i).template(), PromtoolTemplateProbe.SERIES_LABELS,
                    PromtoolTemplateProbe.EXTERNAL_LABELS, PromtoolTemplateProbe.EXTERNAL_URL,
                    PromtoolTemplateProbe.SERIES_VALUE, 0, (q, t) -> List.of());
            soft.assertThat(got).as("P%d %s", i, probes.get(i).template()).isEqualTo(outcome.rendered().get(i));
        }
        soft.assertAll();
    }
}
