package io.sloc.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sloc.testsupport.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action and the GitLab CI template as their CI systems run them, here: the YAML's shell steps run with
 * bash, the environment those systems set, and the self-contained tarball {@code mvn package} built as the release
 * to install (a {@code file://} URL), on a small sloc project with no Java on PATH.
 */
@Tag("dist")
class CiIntegrationTest {
    private static final Path PROJECT = Shared.projectDir();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern GITHUB_EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(inputs|github)\\.([\\w-]+)\\s*}}");
    private static final Pattern GITLAB_VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    @TempDir
    Path temp;
    Installation user;
    Path workspace;
    String releaseUrl;

    @BeforeEach
    void project() throws Exception {
        releaseUrl = Installation.artefact("sloc-" + Installation.VERSION + "-linux-x64.tar.gz").toUri().toString();
        user = new Installation(temp);
        user.assertNoJavaOnPath();
        workspace = Files.createDirectories(temp.resolve("workspace"));
        Path specs = Files.createDirectories(workspace.resolve("slo-specs"));
        Files.copy(PROJECT.resolve("src/main/resources/io/sloc/cli/startup-training.slo"), specs.resolve("training.slo"));
    }

    @Test
    void githubActionInstallsSlocAndAnnotatesThePullRequest() throws Exception {
        JsonNode action = YAML.readTree(PROJECT.resolve(".github/actions/sloc/action.yml").toFile());
        Map<String, String> inputs = new LinkedHashMap<>();
        action.get("inputs").fields().forEachRemaining(input -> inputs.put(input.getKey(),
                input.getValue().path("default").asText()));
        inputs.put("url", releaseUrl);
        Path githubPath = Files.createFile(temp.resolve("github-path"));
        user.env.put("RUNNER_TEMP", Files.createDirectories(temp.resolve("runner-temp")).toString());
        user.env.put("GITHUB_PATH", githubPath.toString());
        JsonNode steps = action.get("runs").get("steps");

        Installation.Result install = runStep(steps.get(0), inputs);
        assertThat(install.exitCode()).as(install.stderr()).isZero();
        for (String dir : Files.readAllLines(githubPath)) {
            user.env.put("PATH", dir + ":" + user.env.get("PATH"));
        }
        Installation.Result compile = user.run(workspace, List.of("sloc", "compile", "slo-specs", "-o", "generated"));
        assertThat(compile.exitCode()).as(compile.stderr()).isZero();

        Installation.Result passing = runStep(steps.get(1), inputs);
        assertThat(passing.exitCode()).as(passing.stderr()).isZero();
        assertThat(passing.stdout()).contains("sloc " + Installation.VERSION)
                .contains("::warning file=slo-specs/training.slo,line=");
        assertThat(Files.readString(workspace.resolve("sloc-check.xml"))).contains("<testsuite");

        Path spec = workspace.resolve("slo-specs/training.slo");
        Files.writeString(spec, Files.readString(spec).replace("objective 99%", "objective 98%"));
        Installation.Result drift = runStep(steps.get(1), inputs);
        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.stdout()).contains("::error file=slo-specs/training.slo,line=")
                .contains("generated at generated/rules/training.rules.yml:");
    }

    @Test
    void gitlabTemplateInstallsSlocAndWritesTheJunitReport() throws Exception {
        JsonNode job = YAML.readTree(PROJECT.resolve("ci-templates/sloc.gitlab-ci.yml").toFile()).get("sloc-check");
        user.env.put("CI_PROJECT_DIR", workspace.toString());
        job.get("variables").fields().forEachRemaining(variable -> user.env.put(variable.getKey(),
                expandGitlab(variable.getValue().asText())));
        user.env.put("SLOC_URL", releaseUrl);
        Path generated = Files.createDirectories(workspace.resolve("generated"));
        Path plain = Installation.extract(Installation.artefact("sloc-" + Installation.VERSION + ".tar.gz"),
                temp.resolve("compiler"));
        user.env.put("JAVA_HOME", System.getProperty("java.home"));
        assertThat(user.run(workspace, List.of(plain.resolve("bin/sloc").toString(), "compile", "slo-specs", "-o",
                generated.toString())).exitCode()).isZero();
        user.env.remove("JAVA_HOME");

        List<String> script = new ArrayList<>(List.of("set -eo pipefail"));
        job.get("script").forEach(line -> script.add(line.asText()));
        Path file = Files.writeString(temp.resolve("gitlab-script.sh"), String.join("\n", script) + "\n");
        Installation.Result result = user.run(workspace, List.of("/bin/bash", file.toString()));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("sloc " + Installation.VERSION).contains("sloc check: OK");
        String junitPath = job.get("artifacts").get("reports").get("junit").asText();
        assertThat(Files.readString(workspace.resolve(junitPath))).contains("<testsuite");
    }

    /** Runs a composite action's step as GitHub does: its expressions filled in, bash -eo pipefail, its directory. */
    private Installation.Result runStep(JsonNode step, Map<String, String> inputs) throws Exception {
        assertThat(step.path("shell").asText()).isEqualTo("bash");
        step.path("env").fields().forEachRemaining(variable -> user.env.put(variable.getKey(),
                githubExpressions(variable.getValue().asText(), inputs)));
        Path script = Files.writeString(Files.createTempFile(temp, "step", ".sh"),
                githubExpressions(step.get("run").asText(), inputs));
        Path dir = workspace.resolve(githubExpressions(step.path("working-directory").asText("."), inputs));
        return user.run(dir, List.of("/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
    }

    private static String githubExpressions(String text, Map<String, String> inputs) {
        Matcher matcher = GITHUB_EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(1).equals("inputs") ? inputs.get(matcher.group(2))
                    : "example/sloc"; // github.action_repository, unused once the url input is given
            assertThat(value).as("%s", matcher.group()).isNotNull();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    /** GitLab expands variables named in a variable's value from those already defined. */
    private String expandGitlab(String value) {
        Matcher matcher = GITLAB_VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(user.env.getOrDefault(matcher.group(1), "")));
        }
        return matcher.appendTail(out).toString();
    }
}
