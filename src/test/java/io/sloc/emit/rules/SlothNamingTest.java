package io.sloc.emit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.compiler.CompileOptions;
import io.sloc.compiler.TestCompiles;
import io.sloc.dsl.SloSpecParser;
import io.sloc.emit.behaviour.AlertTestEmitter;
import io.sloc.model.Service;
import io.sloc.pipeline.CompileSpecs;
import io.sloc.pipeline.PrometheusTarget;
import io.sloc.testsupport.PrometheusTools;
import io.sloc.testsupport.SlocCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --naming sloth}: Sloth's labels on every series, its info series and one alert per severity; the
 * behaviour tests generated for those rules pass under sloc's runner and the real promtool.
 */
class SlothNamingTest {
    private static final String SPEC = """
            policy paging {
              window { budget 2%  long 1h short 5m  severity page }
              window { budget 5%  long 6h short 30m severity page }
              window { budget 10% long 1d short 2h  severity ticket }
              window { budget 10% long 3d short 6h  severity ticket }
              labels { category: "availability" }
            }
            service shop {
              labels { team: "shop" }
              slo checkout {
                objective 99.9%
                sli ratio {
                  errors `http_requests_total{job="shop", code=~"5.."}`
                  total  `http_requests_total{job="shop"}`
                }
                alerting paging
              }
              slo search {
                objective 99%
                sli ratio {
                  errors `search_requests_total{code=~"5.."}`
                  total  `search_requests_total`
                }
                by (route)
                alerting paging
              }
            }
            """;
    private static final Pattern WINDOW = Pattern.compile("rate(\\d+[smhdw])$");

    private static CompileSpecs.Result compile(RuleNames names, PrometheusTarget target) {
        return CompileSpecs.inMemory(List.of(SloSpecParser.parse(SPEC, "shop.slo")), CompileOptions.DEFAULTS, target,
                new RuleOutput(names, RuleFormat.RULES, Optional.empty(), Map.of()));
    }

    private static List<GeneratedRule> rules(CompileSpecs.Result result) {
        Service shop = result.spec().services().get(0);
        return RuleGenerator.generate(RuleNames.SLOTH, shop).groups().stream()
                .flatMap(group -> group.rules().stream()).toList();
    }

    @Test
    void everyRecordedSeriesCarriesSlothsIdentityAndWindowedOnesTheirWindow() {
        List<GeneratedRule> rules = rules(compile(RuleNames.SLOTH, PrometheusTarget.DEFAULT));
        for (GeneratedRule rule : rules) {
            if (rule instanceof GeneratedRule.Recording recording) {
                Map<String, String> labels = recording.labels();
                String slo = labels.get("sloth_slo");
                assertThat(labels).as(recording.record()).containsEntry("sloth_service", "shop")
                        .containsEntry("sloth_id", "shop-" + slo).containsEntry("team", "shop")
                        .doesNotContainKeys("service", "slo");
                Matcher window = WINDOW.matcher(recording.record());
                if (window.find()) {
                    assertThat(labels).as(recording.record()).containsEntry("sloth_window", window.group(1));
                } else {
                    assertThat(labels).as(recording.record()).doesNotContainKey("sloth_window");
                }
            }
        }
        assertThat(rules.stream().filter(r -> r instanceof GeneratedRule.Recording rec
                && rec.record().equals("sloth_slo_info")).map(GeneratedRule::labels))
                .extracting(labels -> labels.get("sloth_objective")).containsExactly("99.9", "99");
    }

    @Test
    void eachSeverityIsOneAlertThatFiresOnAnyOfItsWindowPairs() {
        List<GeneratedRule.Alerting> alerts = rules(compile(RuleNames.SLOTH, PrometheusTarget.DEFAULT)).stream()
                .filter(r -> r instanceof GeneratedRule.Alerting).map(r -> (GeneratedRule.Alerting) r).toList();
        assertThat(alerts).hasSize(4);
        for (GeneratedRule.Alerting alert : alerts) {
            assertThat(alert.labels()).containsOnlyKeys("category", "severity", "sloth_severity")
                    .containsEntry("severity", alert.labels().get("sloth_severity"));
            assertThat(alert.expr().split("\nor\n")).hasSize(2)
                    .allSatisfy(pair -> assertThat(pair).contains("max without (sloth_window)"));
            assertThat(alert.annotations()).containsKeys("title", "summary");
        }
        assertThat(alerts).extracting(a -> a.labels().get("sloth_severity"))
                .containsExactly("page", "ticket", "page", "ticket");
    }

    /** Prometheus rejects two alerts of one rule group with the same name and labels at the same time. */
    @Test
    void windowsOfOneSeverityThatDifferInForAreToldApartByTheirWindows() {
        for (Service service : TestCompiles.hatago().spec().services()) {
            Set<Map<String, String>> seen = new HashSet<>();
            RuleGenerator.generate(RuleNames.SLOTH, service).groups().forEach(group -> group.rules().stream()
                    .filter(r -> r instanceof GeneratedRule.Alerting).map(r -> (GeneratedRule.Alerting) r)
                    .forEach(alert -> {
                        Map<String, String> identity = new TreeMap<>(alert.labels());
                        identity.put("alertname", alert.alert());
                        identity.put("group", group.name());
                        assertThat(seen.add(identity)).as(identity.toString()).isTrue();
                    }));
        }
    }

    @Test
    void slocsNamingIsUnchangedByTheOption() {
        CompileSpecs.Result plain = CompileSpecs.inMemory(List.of(SloSpecParser.parse(SPEC, "shop.slo")),
                CompileOptions.DEFAULTS, PrometheusTarget.DEFAULT);
        assertThat(texts(compile(RuleNames.SLOC, PrometheusTarget.DEFAULT))).isEqualTo(texts(plain));
        assertThat(TestCompiles.file(plain, "rules/shop.rules.yml")).contains("sloc_slo_info")
                .doesNotContain("sloth_");
    }

    private static Map<String, String> texts(CompileSpecs.Result result) {
        Map<String, String> texts = new TreeMap<>();
        result.output().files().forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return texts;
    }

    @Test
    void theGeneratedBehaviourTestsPassUnderSlocsRunnerAndThePromtool(@TempDir Path dir) throws Exception {
        CompileSpecs.Result result = compile(RuleNames.SLOTH, PrometheusTarget.named("2.42", "test"));
        List<String> tests = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : result.output().files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
            if (file.getKey().startsWith(AlertTestEmitter.DIRECTORY)) {
                tests.add(path.toString());
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.readString(Path.of(tests.get(0)))).contains("sloth_service=").doesNotContainPattern("[{,]service=");

        SlocCli sloc = new SlocCli();
        List<String> args = new ArrayList<>(List.of("test", "--prometheus", "2.42"));
        args.addAll(tests);
        assertThat(sloc.run(args)).as(sloc.out() + sloc.err()).isZero();

        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString(), "test", "rules"));
        command.addAll(tests);
        PrometheusTools.Result promtool = PrometheusTools.run(dir, 600, command);
        assertThat(promtool.exitCode()).as(promtool.stdout() + promtool.stderr()).isZero();
    }
}
