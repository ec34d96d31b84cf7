package io.sloc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleInputsTest {
    @Test
    void rulerNamespaceFilesAreNotPrometheusRuleFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("plain.yml"), "groups:\n- name: g\n  rules: []\n");
        Files.writeString(dir.resolve("mimir.yaml"), "namespace: shop\ngroups:\n- name: g\n  rules: []\n");
        Files.writeString(dir.resolve("test.yml"), "rule_files: [plain.yml]\ntests: []\n");
        RuleInputs inputs = RuleInputs.scan(dir);
        assertThat(inputs.ruleFiles()).containsExactly(dir.resolve("plain.yml"));
        assertThat(inputs.testFiles()).containsExactly(dir.resolve("test.yml"));
    }
}
