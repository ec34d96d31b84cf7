package io.sloc.emit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sloc.compiler.CompileOptions;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.pipeline.SpecLoader;
import io.sloc.testsupport.PrometheusTools;
import io.sloc.testsupport.Shared;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format prometheusrule} and {@code --format mimir}: per service, the groups of its plain rule file
 * wrapped as a {@code PrometheusRule} object that validates against prometheus-operator's CRD schema, or as a
 * ruler namespace file; the groups of each pass {@code promtool check rules}.
 */
class RuleFormatsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static CompileSpecs.Result compile(RuleFormat format, RuleNames names) {
        return CompileSpecs.inMemory(SpecLoader.load(List.of(Shared.projectDir().resolve("slo-specs"))),
                CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT, new RuleOutput(names, format,
                        Optional.of("monitoring"), Map.of("release", "kube-prometheus-stack", "app", "sloc")));
    }

    private static JsonNode yaml(CompileSpecs.Result result, String path) throws Exception {
        byte[] bytes = result.output().files().get(path);
        assertThat(bytes).as(path + " in " + result.output().files().keySet()).isNotNull();
        return YAML.readTree(bytes);
    }

    /** The CRD's OpenAPI v3 schema of the served version. */
    private static Schema prometheusRuleSchema() throws Exception {
        try (InputStream crd = RuleFormatsTest.class.getResourceAsStream(
                "/prometheus-operator/monitoring.coreos.com_prometheusrules.yaml")) {
            JsonNode version = YAML.readTree(crd).path("spec").path("versions").get(0);
            assertThat(version.path("name").asText()).isEqualTo("v1");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(version.path("schema").path("openAPIV3Schema"));
        }
    }

    @Test
    void prometheusRuleObjectsValidateAgainstTheCrdAndHoldThePlainGroups() throws Exception {
        CompileSpecs.Result result = compile(RuleFormat.PROMETHEUSRULE, RuleNames.SLOC);
        Schema schema = prometheusRuleSchema();
        for (var service : result.spec().services()) {
            JsonNode object = yaml(result, "prometheusrule/" + service.name() + ".yaml");
            List<Error> errors = schema.validate(object);
            assertThat(errors).as(object.toPrettyString()).isEmpty();
            assertThat(object.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
            assertThat(object.path("kind").asText()).isEqualTo("PrometheusRule");
            assertThat(object.at("/metadata/name").asText()).isEqualTo("sloc-" + service.name());
            assertThat(object.at("/metadata/namespace").asText()).isEqualTo("monitoring");
            assertThat(object.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
            assertThat(object.at("/spec/groups")).isEqualTo(yaml(result, RulesEmitter.path(service)).path("groups"));
        }
    }

    @Test
    void theSchemaRejectsAnObjectThatBreaksIt() throws Exception {
        ObjectNode object = (ObjectNode) yaml(compile(RuleFormat.PROMETHEUSRULE, RuleNames.SLOC),
                "prometheusrule/hatago.yaml");
        ((ObjectNode) object.at("/spec/groups/0")).remove("name");
        assertThat(prometheusRuleSchema().validate(object)).isNotEmpty();
    }

    @Test
    void mimirNamespaceFilesNameTheirServiceAndHoldThePlainGroups() throws Exception {
        CompileSpecs.Result result = compile(RuleFormat.MIMIR, RuleNames.SLOTH);
        for (var service : result.spec().services()) {
            JsonNode file = yaml(result, "mimir/" + service.name() + ".yaml");
            assertThat(file.path("namespace").asText()).isEqualTo(service.name());
            assertThat(file.path("groups")).isEqualTo(yaml(result, RulesEmitter.path(service)).path("groups"));
        }
        assertThat(result.output().files().keySet()).noneMatch(path -> path.startsWith("prometheusrule/"));
    }

    @Test
    void theGroupsOfEveryFormatPassPromtoolCheckRules(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString(), "check", "rules"));
        for (RuleFormat format : RuleFormat.values()) {
            CompileSpecs.Result result = compile(format, RuleNames.SLOTH);
            for (Map.Entry<String, byte[]> file : result.output().files().entrySet()) {
                String directory = file.getKey().substring(0, file.getKey().indexOf('/') + 1);
                if (!List.of("rules/", "prometheusrule/", "mimir/").contains(directory)) {
                    continue;
                }
                JsonNode specGroups = directory.equals("prometheusrule/")
                        ? YAML.readTree(file.getValue()).at("/spec/groups") : YAML.readTree(file.getValue()).path("groups");
                Path groupsFile = dir.resolve(format.optionName() + "-" + file.getKey().replace('/', '-'));
                ObjectNode root = YAML.createObjectNode();
                root.set("groups", specGroups);
                Files.writeString(groupsFile, YAML.writeValueAsString(root), StandardCharsets.UTF_8);
                command.add(groupsFile.toString());
            }
        }
        assertThat(command).hasSizeGreaterThanOrEqualTo(6);
        PrometheusTools.Result promtool = PrometheusTools.run(dir, 120, command);
        assertThat(promtool.exitCode()).as(promtool.stdout() + promtool.stderr()).isZero();
    }
}
