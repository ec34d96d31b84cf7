package io.sloc.emit.behaviour;

import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.emit.PerService;
import io.sloc.emit.rules.BurnRateAlerts;
import io.sloc.emit.rules.GeneratedRule;
import io.sloc.emit.rules.GeneratedRuleFile;
import io.sloc.emit.rules.GeneratedRuleGroup;
import io.sloc.emit.rules.RuleGenerator;
import io.sloc.emit.rules.RuleNames;
import io.sloc.emit.rules.RulesEmitter;
import io.sloc.model.BurnFactors;
import io.sloc.model.BurnRatePolicy;
import io.sloc.model.BurnRateWindow;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.model.Spec;
import io.sloc.promql.PromqlProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code tests/<service>-<slo>.yml} (and {@code -slow-burn.yml}): promtool-format tests of every SLO's burn-rate
 * alerts, loading the service's generated rule file, with the expected times of the target Prometheus. See
 * {@link AlertBehaviourTests} for what they pin down.
 */
public final class AlertTestEmitter implements Emitter {
    public static final String DIRECTORY = "tests/";

    private final PromqlProfile target;
    private final RuleNames names;

    /** Tests whose expected times follow the range windows of {@code target}, of rules named as {@code names} says. */
    public AlertTestEmitter(PromqlProfile target, RuleNames names) {
        this.target = target;
        this.names = names;
    }

    @Override
    public void emit(Spec spec, OutputTree out) {
        PerService.emit(spec, out, this::emit);
    }

    private void emit(Service service, OutputTree out) {
        GeneratedRuleFile rules = RuleGenerator.generate(names, service);
        List<String> groups = rules.groups().stream().map(GeneratedRuleGroup::name).toList();
        List<String> ruleFiles = List.of("../" + RulesEmitter.path(service));
        for (Slo slo : service.slos()) {
            if (slo.alerting().isEmpty()) {
                continue;
            }
            SloUnderTest underTest = underTest(names, service, slo);
            requireOneAlertPerRule(rules, underTest);
            for (AlertBehaviourTests.TestFile file : AlertBehaviourTests.files(underTest, target,
                    service.name() + "-" + slo.name(), ruleFiles, groups)) {
                out.add(DIRECTORY + file.path(), file.text());
            }
        }
    }

    /** What the tests need to know about {@code slo}: its policy read from the model, its rules' shape. */
    public static SloUnderTest underTest(RuleNames names, Service service, Slo slo) {
        BurnRatePolicy policy = slo.alerting().orElseThrow();
        BigDecimal budget = slo.objective().errorBudget();
        BigDecimal minTraffic = policy.minTraffic().orElse(BigDecimal.ZERO);
        List<SloUnderTest.Alert> alerts = new ArrayList<>();
        for (List<BurnRateWindow> rule : BurnRateAlerts.rules(names, policy)) {
            BurnRateWindow first = rule.get(0);
            alerts.add(new SloUnderTest.Alert(first.severity(), rule.stream().map(window -> new AlertTimeline.Pair(
                    window.longWindow(), window.shortWindow(), BurnFactors.threshold(window.factor(), budget),
                    minTraffic)).toList(), first.forDuration(), first.keepFiringFor()));
        }
        return new SloUnderTest(service.name() + "/" + slo.name(), names.identity(service, slo),
                RuleNames.burnAlert(service, slo),
                new LinkedHashSet<>(slo.groupBy()), slo.sli(),
                budget, minTraffic,
                new AlertTimeline.Shape(RuleGenerator.baseWindow(slo), SeriesSynthesizer.inputs(slo.sli())),
                RuleNames.REMAINING_BUDGET, alerts);
    }

    /** The tests count one alert per alerting rule of {@link BurnRateAlerts#rules}: the generator must agree. */
    private static void requireOneAlertPerRule(GeneratedRuleFile rules, SloUnderTest slo) {
        long generated = rules.groups().stream().flatMap(g -> g.rules().stream())
                .filter(r -> r instanceof GeneratedRule.Alerting a && a.alert().equals(slo.alertName()))
                .count();
        if (generated != slo.alerts().size()) {
            throw new IllegalStateException(slo.name() + ": " + generated + " burn-rate alerting rules for "
                    + slo.alerts().size() + " expected");
        }
    }
}
