package io.sloc.compiler;

import static io.sloc.compiler.TestCompiles.alerts;
import static io.sloc.compiler.TestCompiles.compile;
import static io.sloc.compiler.TestCompiles.file;
import static io.sloc.compiler.TestCompiles.recording;
import static io.sloc.compiler.TestCompiles.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.sloc.diag.BadInputException;
import io.sloc.emit.rules.GeneratedRule;
import io.sloc.emit.rules.GeneratedRuleGroup;
import io.sloc.emit.rules.RuleGenerator;
import io.sloc.emit.rules.RuleNames;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Panel;
import io.sloc.model.PanelType;
import io.sloc.model.Sli;
import io.sloc.model.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per DSL feature, asserting on the model and on the generated rules. */
class CompilerFeatureTest {
    private static final String RATIO = "sli ratio { errors `http_requests_total{code=~\"5..\"}` "
            + "total `http_requests_total` }";

    private static String service(String body) {
        return "service api {\n" + body + "\n}\n";
    }

    private static String availSpec(String body) {
        return service("slo avail {\n objective 99.9%\n " + RATIO + "\n" + body + "\n}");
    }

    @Test
    void objectiveIsAnExactDecimalAndTheBudgetHasNoFloatNoise() {
        var result = compile(service("slo avail { objective 99.95% " + RATIO + " }"));
        Slo slo = slo(result, "avail");
        assertThat(slo.objective().ratio()).isEqualByComparingTo("0.9995");
        assertThat(slo.objective().errorBudget()).isEqualTo(new BigDecimal("0.0005"));
        String rules = file(result, "rules/api.rules.yml");
        assertThat(rules).contains("vector(0.9995)", "vector(0.0005)", "> 0.0072\n")
                .doesNotContain("0.000499", "0.00049", "E-");
    }

    @Test
    void windowDefaultsTo30dAndAcceptsAnyDuration() {
        assertThat(slo(compile(availSpec("")), "avail").window()).isEqualTo(Duration.ofDays(30));
        var result = compile(availSpec("window 36h\n alerting none"));
        assertThat(slo(result, "avail").window()).isEqualTo(Duration.ofHours(36));
        assertThat(recording(result, "avail", "slo:time_period:days").orElseThrow().expr()).isEqualTo("vector(1.5)");
        assertThat(recording(result, "avail", "slo:sli_error:ratio_rate36h")).isPresent();
    }

    /** Sloth's and Pyrra's {@code alerting.name}: every alert of the policy takes it. */
    @Test
    void alertNameNamesThePolicysAlerts() {
        var result = compile(availSpec("alerting { alert_name ApiErrors window { budget 2% long 1h short 5m "
                + "severity page } window { budget 10% long 1d short 2h severity ticket } }"));
        assertThat(alerts(result)).extracting(GeneratedRule.Alerting::alert).containsExactly("ApiErrors", "ApiErrors");
        assertThat(alerts(compile(availSpec(""))).get(0).alert()).isEqualTo("ApiAvailErrorBudgetBurn");
        assertThatThrownBy(() -> compile(availSpec("alerting { alert_name api-errors window { budget 2% long 1h "
                + "short 5m severity page } }"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("alert name 'api-errors' is not a valid metric-style name");
    }

    @Test
    void workbookPolicyIsTheDefaultWithExactFactors() {
        Slo slo = slo(compile(availSpec("")), "avail");
        List<BurnRateWindow> windows = slo.alerting().orElseThrow().windows();
        assertThat(windows).extracting(w -> w.factor().toPlainString()).containsExactly("14.4", "6", "3", "1");
        assertThat(windows).extracting(BurnRateWindow::severity).containsExactly("page", "page", "ticket", "ticket");
        assertThat(windows).extracting(BurnRateWindow::longWindow).containsExactly(Duration.ofHours(1),
                Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
        assertThat(windows).extracting(BurnRateWindow::shortWindow).containsExactly(Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
    }

    @Test
    void factorsFollowTheWindowFor28Days() {
        var result = compile(availSpec("window 28d"));
        assertThat(slo(result, "avail").alerting().orElseThrow().windows())
                .extracting(w -> w.factor().toPlainString())
                .containsExactly("13.44", "5.6", "2.8", "0.9333333333333333");
        assertThat(alerts(result)).extracting(GeneratedRule::expr).anySatisfy(e -> assertThat(e).contains("> 0.01344\n"))
                .anySatisfy(e -> assertThat(e).contains("> 0.0009333333333333333\n"));
    }

    @Test
    void aFactorThatDisagreesWithItsBudgetShareIsAWarningAndTheShareWins() {
        var result = compile(availSpec("alerting {\n window { budget 10% factor 2.88 long 1d short 2h severity ticket }\n}"));
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.location().line()).isEqualTo(6);
            assertThat(w.message()).contains("factor 2.88 disagrees with budget 10% in 1d", "burn rate of 3");
        });
        assertThat(slo(result, "avail").alerting().orElseThrow().windows().get(0).factor()).isEqualByComparingTo("3");
    }

    @Test
    void aFactorAloneDefinesTheBudgetShare() {
        var result = compile(availSpec("alerting { window { factor 14.4 long 1h short 5m severity page } }"));
        BurnRateWindow window = slo(result, "avail").alerting().orElseThrow().windows().get(0);
        assertThat(window.budgetShare()).isEqualByComparingTo("0.02");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void ratioOfErrorsFallsBackToZeroErrorsWhenThereIsTraffic() {
        String bad = recording(compile(availSpec("")), "avail", "slo:sli_error:rate5m").orElseThrow().expr();
        assertThat(bad).isEqualTo("sum(rate(http_requests_total{code=~\"5..\"}[5m]))\nor on()\n"
                + "0 * slo:sli_total:rate5m{service=\"api\", slo=\"avail\"}");
    }

    @Test
    void ratioOfGoodEventsCountsTheRestAsBad() {
        var result = compile(service("slo ok { objective 99% sli ratio { good `jobs_total{result=\"ok\"}` "
                + "total `jobs_total` } }"));
        assertThat(((Sli.Ratio) slo(result, "ok").sli()).countsErrors()).isFalse();
        assertThat(recording(result, "ok", "slo:sli_error:rate5m").orElseThrow().expr()).isEqualTo(
                "slo:sli_total:rate5m{service=\"api\", slo=\"ok\"}\n- on()\n(\n"
                        + "  sum(rate(jobs_total{result=\"ok\"}[5m]))\n  or on()\n"
                        + "  0 * slo:sli_total:rate5m{service=\"api\", slo=\"ok\"}\n)");
    }

    @Test
    void latencyReadsTheBucketAtTheThresholdInSeconds() {
        var result = compile(service("slo fast { objective 95% sli latency { histogram "
                + "`rpc_duration_seconds{job=\"rpc\"}` faster_than 1500ms } }"));
        assertThat(((Sli.Latency) slo(result, "fast").sli()).le()).isEqualTo("1.5");
        String bad = recording(result, "fast", "slo:sli_error:rate5m").orElseThrow().expr();
        assertThat(bad).contains("rpc_duration_seconds_bucket{le=\"1.5\", job=\"rpc\"}[5m]")
                .doesNotContain("rpc_duration_seconds_count"); // the total is read from its recorded rate
        assertThat(((Sli.Latency) compile(service("slo f { objective 95% sli latency { histogram `h` "
                + "faster_than 5ms } }")).spec().services().get(0).slos().get(0).sli()).le()).isEqualTo("0.005");
        var wholeSecond = compile(service("slo s { objective 95% sli latency { histogram `h` faster_than 2s } }"));
        assertThat(recording(wholeSecond, "s", "slo:sli_error:rate5m").orElseThrow().expr())
                .contains("h_bucket{le=~\"2(\\\\.0)?\"}[5m]");
    }

    @Test
    void nativeLatencyCountsWholeBucketsUpToTheThresholdWhenItIsABoundary() {
        var result = compile(service("slo fast { objective 99% sli latency { native_histogram "
                + "`rpc_duration_seconds{job=\"rpc\"}` faster_than 250ms }\n by (route) }"));
        Sli.NativeLatency sli = (Sli.NativeLatency) slo(result, "fast").sli();
        assertThat(sli.schema()).isEqualTo(3);
        assertThat(sli.boundarySeconds()).isEqualTo(0.25);
        assertThat(result.warnings()).isEmpty();
        String rate = "sum by (route) (rate(rpc_duration_seconds{job=\"rpc\"}[5m]))";
        assertThat(recording(result, "fast", "slo:sli_total:rate5m").orElseThrow().expr())
                .isEqualTo("histogram_count(" + rate + ")");
        String total = "slo:sli_total:rate5m{service=\"api\", slo=\"fast\"}";
        assertThat(recording(result, "fast", "slo:sli_error:rate5m").orElseThrow().expr()).isEqualTo(
                "(1 - histogram_fraction(0, 0.25, " + rate + "))\n* on(route) (" + total + " > 0)\nor on(route)\n"
                        + "0 * " + total);
    }

    @Test
    void aNativeThresholdOffTheSchemasBoundariesWarnsAndUsesTheBoundaryBelow() {
        var result = compile(service("slo fast {\n objective 99%\n sli latency { native_histogram `h`\n"
                + " faster_than 300ms schema 5 } }"));
        double boundary = ((Sli.NativeLatency) slo(result, "fast").sli()).boundarySeconds();
        assertThat(boundary).isLessThan(0.3).isGreaterThan(0.3 / Math.pow(2, 1 / 32.0));
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.location().line()).isEqualTo(5);
            assertThat(w.location().column()).isEqualTo(14);
            assertThat(w.message()).contains("faster_than 300ms is not a bucket boundary of schema 5",
                    "up to 297.302ms as fast");
        });
        assertThat(recording(result, "fast", "slo:sli_error:rate5m").orElseThrow().expr())
                .containsPattern("histogram_fraction\\(0, 0\\.2973017787506\\d*, sum\\(rate\\(h\\[5m\\]\\)\\)\\)");
    }

    @Test
    void availabilityAveragesTheGaugePerWindow() {
        var result = compile(service("slo up { objective 99.9% sli availability `up{job=\"api\"}` }"));
        assertThat(recording(result, "up", "slo:sli_total:rate5m").orElseThrow().expr())
                .isEqualTo("count(avg_over_time(up{job=\"api\"}[5m]))");
        assertThat(recording(result, "up", "slo:sli_error:rate5m").orElseThrow().expr())
                .isEqualTo("sum(1 - avg_over_time(up{job=\"api\"}[5m]))");
    }

    @Test
    void groupingKeepsGroupLabelsOnSliSeriesAndNamesTheGroupInAlerts() {
        var result = compile(availSpec("by (route, method)"));
        assertThat(recording(result, "avail", "slo:sli_total:rate5m").orElseThrow().expr())
                .isEqualTo("sum by (route, method) (rate(http_requests_total[5m]))");
        assertThat(alerts(result)).allSatisfy(a -> assertThat(a.annotations().get("summary"))
                .contains("route={{ $labels.route }}, method={{ $labels.method }}"));
    }

    @Test
    void windowPlaceholderExpressionsAreUsedForTheBaseWindowOnly() {
        var result = compile(service("slo w { objective 99% sli ratio { errors "
                + "`sum(rate(a_total[$window])) + sum(rate(b_total[$window]))` total `sum(rate(c_total[$window]))` } }"));
        assertThat(recording(result, "w", "slo:sli_total:rate5m").orElseThrow().expr())
                .isEqualTo("sum(\n  sum(rate(c_total[5m]))\n)");
        assertThat(TestCompiles.rules(result)).allSatisfy(r -> assertThat(r.expr()).doesNotContain("$window"));
    }

    @Test
    void longerWindowsAreTrafficWeightedFromRecordedRatesNeverAveragedRatios() {
        var result = compile(availSpec(""));
        String match = "{service=\"api\", slo=\"avail\"}";
        assertThat(recording(result, "avail", "slo:sli_error:ratio_rate2h").orElseThrow().expr()).isEqualTo(
                "avg_over_time(slo:sli_error:rate5m" + match + "[2h])\n/\n"
                        + "(avg_over_time(slo:sli_total:rate5m" + match + "[2h]) > 0)");
        assertThat(recording(result, "avail", "slo:sli_error:rate2h")).isEmpty();
        assertThat(recording(result, "avail", "slo:sli_total:rate2h")).isEmpty();
        // a minimum-traffic guard reads the long windows' total rates: recorded once, read by the ratio too
        var guarded = compile(availSpec("alerting { window { budget 2% long 1h short 5m severity page } "
                + "min_traffic 0.5 }"));
        assertThat(recording(guarded, "avail", "slo:sli_total:rate1h").orElseThrow().expr())
                .isEqualTo("avg_over_time(slo:sli_total:rate5m" + match + "[1h])");
        assertThat(recording(guarded, "avail", "slo:sli_error:ratio_rate1h").orElseThrow().expr()).isEqualTo(
                "avg_over_time(slo:sli_error:rate5m" + match + "[1h])\n/\n(slo:sli_total:rate1h" + match + " > 0)");
        // the period averages the base rates sampled once per base window
        assertThat(recording(result, "avail", "slo:sli_total:tiled_rate5m").orElseThrow().expr())
                .isEqualTo("slo:sli_total:rate5m" + match);
        assertThat(recording(result, "avail", "slo:sli_total:rate30d").orElseThrow().expr())
                .isEqualTo("avg_over_time(slo:sli_total:tiled_rate5m" + match + "[30d])");
        assertThat(recording(result, "avail", "slo:sli_error:ratio_rate30d").orElseThrow().expr()).isEqualTo(
                "avg_over_time(slo:sli_error:tiled_rate5m" + match + "[30d])\n/\n"
                        + "(slo:sli_total:rate30d" + match + " > 0)");
        assertThat(TestCompiles.rules(result)).noneSatisfy(r -> assertThat(r.expr()).contains("(slo:sli_error:ratio"));
    }

    @Test
    void everyRatioGuardsItsDenominatorAndTheRemainingBudgetSurvivesAnIdlePeriod() {
        var result = compile(availSpec(""));
        assertThat(TestCompiles.rules(result)).filteredOn(r -> r instanceof GeneratedRule.Recording rec
                && rec.record().startsWith("slo:sli_error:ratio_rate")).hasSize(8)
                .allSatisfy(r -> assertThat(r.expr()).containsPattern("\\((avg_over_time\\()?slo:sli_total:\\w+"
                        + "\\{[^}]*\\}(\\[\\w+\\]\\))? > 0\\)$"));
        assertThat(recording(result, "avail", "slo:period_error_budget_remaining:ratio").orElseThrow().expr())
                .contains("or\n  0 * slo:sli_total:rate30d{");
    }

    @Test
    void policyOptionsReachTheAlerts() {
        var result = compile(availSpec("alerting {\n"
                + " window { budget 2% long 1h short 5m severity critical for 2m labels { tier: \"fast\" } }\n"
                + " window { budget 10% long 1d short 2h severity warning keep_firing_for 1h }\n"
                + " for 5m keep_firing_for 10m min_traffic 0.5\n"
                + " labels { team: \"api\" } annotations { summary: \"custom\" }\n}"));
        List<GeneratedRule.Alerting> alerts = alerts(result);
        assertThat(alerts).extracting(GeneratedRule.Alerting::forDuration).containsExactly(Duration.ofMinutes(2),
                Duration.ofMinutes(5));
        assertThat(alerts).extracting(GeneratedRule.Alerting::keepFiringFor).containsExactly(Duration.ofMinutes(10),
                Duration.ofHours(1));
        assertThat(alerts.get(0).labels()).containsEntry("tier", "fast").containsEntry("team", "api")
                .containsEntry("severity", "critical").containsEntry("long_window", "1h")
                .containsEntry("short_window", "5m");
        assertThat(alerts.get(1).labels()).doesNotContainKey("tier");
        assertThat(alerts).allSatisfy(a -> assertThat(a.annotations()).containsEntry("summary", "custom"));
        assertThat(alerts.get(0).expr()).isEqualTo(
                "slo:sli_error:ratio_rate1h{service=\"api\", slo=\"avail\"} > 0.0144\nand\n"
                        + "slo:sli_error:ratio_rate5m{service=\"api\", slo=\"avail\"} > 0.0144\nand\n"
                        + "slo:sli_total:rate1h{service=\"api\", slo=\"avail\"} >= 0.5");
    }

    @Test
    void everyAlertCarriesServiceSloAndSeverity() {
        var result = compile(availSpec("") + service("").replace("api", "other")
                + "service x { slo s { objective 99% sli availability `up` } alert XDown { expr `up == 0` "
                + "severity critical slo s } }");
        assertThat(alerts(result)).extracting(GeneratedRule.Alerting::alert).contains("XDown", "ApiAvailErrorBudgetBurn");
        assertThat(alerts(result)).allSatisfy(a -> assertThat(a.labels()).containsKeys("service", "slo", "severity"));
    }

    @Test
    void alertingNoneRecordsTheSloWithoutAlerts() {
        var result = compile(availSpec("alerting none"));
        assertThat(slo(result, "avail").alerting()).isEmpty();
        assertThat(alerts(result)).isEmpty();
        assertThat(RuleGenerator.windows(slo(result, "avail"))).containsExactly(Duration.ofMinutes(5),
                Duration.ofDays(30));
    }

    @Test
    void plainAlertsGetServiceLabelsAndRunbookUrls() {
        String spec = "runbook down { step \"restart it\" }\n" + service("labels { team: \"web\" }\n"
                + "runbook_base_url \"https://runbooks.example/\"\n"
                + "slo up { objective 99% sli availability `up` alerting none }\n"
                + "alert ApiDown { expr `up{job=\"api\"} == 0` for 1m severity critical slo up runbook down "
                + "labels { page: \"yes\" } annotations { summary: \"API down\" } }");
        GeneratedRule.Alerting alert = alerts(compile(spec)).get(0);
        assertThat(alert.alert()).isEqualTo("ApiDown");
        assertThat(alert.expr()).isEqualTo("up{job=\"api\"} == 0");
        assertThat(alert.forDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(alert.labels()).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of(
                "page", "yes", "service", "api", "severity", "critical", "slo", "up", "team", "web")));
        assertThat(alert.annotations()).containsEntry("runbook_url", "https://runbooks.example/down.md")
                .containsEntry("summary", "API down");

        var overridden = compile(new CompileOptions(Optional.of("https://wiki/rb")), spec);
        assertThat(alerts(overridden).get(0).annotations()).containsEntry("runbook_url", "https://wiki/rb/down.md");
        var relative = compile(spec.replace("runbook_base_url \"https://runbooks.example/\"", ""));
        assertThat(alerts(relative).get(0).annotations()).containsEntry("runbook_url", "../runbooks/down.md");
    }

    @Test
    void runbooksBecomeMarkdownChecklists() {
        var result = compile("runbook db-slow { title \"Database slow\" description \"Queries take too long.\"\n"
                + " step \"Check `pg_stat_activity`\"\n step \"Kill the \\\"long\\\" query\" }\n"
                + service("slo db { objective 99% sli availability `up` } alert DbSlow { expr `db_latency_seconds > 1` "
                        + "severity warning slo db runbook db-slow }"));
        assertThat(file(result, "runbooks/db-slow.md")).startsWith("# Database slow\n\nQueries take too long.\n\n"
                + "1. Check `pg_stat_activity`\n2. Kill the \"long\" query\n");
    }

    @Test
    void recordingRulesCarryServiceAndSloLabelsAndGroupsArePerSlo() {
        var result = compile(service("labels { team: \"web\" }\n slo a { objective 99% " + RATIO + " }\n"
                + " slo b { objective 99% " + RATIO + " labels { owner: \"bob\" } }"));
        var file = RuleGenerator.generate(RuleNames.SLOC, TestCompiles.service(result, "api"));
        assertThat(file.groups()).extracting(g -> g.name()).containsExactly("sloc/api/slo/a", "sloc/api/slo/a/period",
                "sloc/api/slo/b", "sloc/api/slo/b/period");
        assertThat(file.groups().get(2).rules()).allSatisfy(r -> assertThat(r.labels())
                .containsEntry("service", "api").containsEntry("slo", "b").containsEntry("team", "web")
                .containsEntry("owner", "bob"));
        assertThat(alerts(result)).extracting(GeneratedRule.Alerting::alert).contains("ApiAErrorBudgetBurn",
                "ApiBErrorBudgetBurn");
    }

    @Test
    void thePeriodRunsInAGroupOfItsOwnOncePerBaseWindowUnlessAnAlertReadsIt() {
        var result = compile(availSpec(""));
        var file = RuleGenerator.generate(RuleNames.SLOC, TestCompiles.service(result, "api"));
        assertThat(file.groups()).extracting(GeneratedRuleGroup::name, GeneratedRuleGroup::interval).containsExactly(
                tuple("sloc/api/slo/avail", Duration.ZERO), tuple("sloc/api/slo/avail/period", Duration.ofMinutes(5)));
        List<String> periodSeries = file.groups().get(1).rules().stream()
                .map(r -> ((GeneratedRule.Recording) r).record() + "{").toList();
        assertThat(file.groups().get(0).rules()).allSatisfy(r -> assertThat(r.expr()).doesNotContain(periodSeries));
        assertThat(file(result, "rules/api.rules.yml")).contains("- name: sloc/api/slo/avail/period\n  interval: 5m\n");

        var alertOnPeriod = RuleGenerator.generate(RuleNames.SLOC, TestCompiles.service(compile(availSpec("window 3d")), "api"));
        assertThat(alertOnPeriod.groups()).extracting(GeneratedRuleGroup::name).containsExactly("sloc/api/slo/avail");
    }

    @Test
    void infoSeriesDescribesTheSlo() {
        var rule = recording(compile(availSpec("by (route)")), "avail", RuleNames.SLOC.info()).orElseThrow();
        assertThat(rule.expr()).isEqualTo("vector(1)");
        assertThat(rule.labels()).containsEntry("objective", "99.9").containsEntry("window", "30d")
                .containsEntry("sli", "ratio").doesNotContainKey("route");
    }

    @Test
    void dashboardsBecomeTypedPanelRecords() {
        var result = compile(service("dashboard {\n row \"Traffic\" {\n"
                + "  panel bargauge \"Rate\" { query `sum(rate(x_total[5m]))` legend \"{{job}}\" query `vector(1)`\n"
                + "   unit \"reqps\" min -1 max 10.5 width 12 description \"d\"\n"
                + "   thresholds { base green 5 \"#ffaa00\" 8 red } }\n"
                + "  panel table \"T\" { query `up` } } }"));
        var dashboard = TestCompiles.service(result, "api").dashboard().orElseThrow();
        assertThat(dashboard.title()).isEqualTo("api");
        assertThat(dashboard.rows()).singleElement().satisfies(row -> assertThat(row.title()).isEqualTo("Traffic"));
        Panel panel = dashboard.rows().get(0).panels().get(0);
        assertThat(panel.type()).isEqualTo(PanelType.BARGAUGE);
        assertThat(panel.title()).isEqualTo("Rate");
        assertThat(panel.queries()).extracting(q -> q.expr().text(), q -> q.legend())
                .containsExactly(tuple("sum(rate(x_total[5m]))", Optional.of("{{job}}")),
                        tuple("vector(1)", Optional.empty()));
        assertThat(panel.unit()).contains("reqps");
        assertThat(panel.min()).contains(new BigDecimal("-1"));
        assertThat(panel.max()).contains(new BigDecimal("10.5"));
        assertThat(panel.width()).hasValue(12);
        assertThat(panel.description()).contains("d");
        assertThat(panel.thresholds().orElseThrow().baseColour()).isEqualTo("green");
        assertThat(panel.thresholds().orElseThrow().steps()).containsExactly(
                new Panel.Step(new BigDecimal("5"), "#ffaa00"), new Panel.Step(new BigDecimal("8"), "red"));
        Panel table = dashboard.rows().get(0).panels().get(1);
        assertThat(table.type()).isEqualTo(PanelType.TABLE);
        assertThat(table.thresholds()).isEmpty();
        assertThat(table.width()).isEmpty();
    }
}
