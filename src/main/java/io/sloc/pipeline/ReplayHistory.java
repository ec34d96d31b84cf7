package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.emit.behaviour.AlertTestEmitter;
import io.sloc.emit.report.Backtest;
import io.sloc.emit.report.PolicyWorkbook;
import io.sloc.emit.rules.RuleGenerator;
import io.sloc.emit.rules.RuleNames;
import io.sloc.model.Service;
import io.sloc.model.Slo;
import io.sloc.promql.PromqlProfile;
import io.sloc.promql.engine.Engine;
import io.sloc.promql.engine.EngineOptions;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Matrix;
import io.sloc.rules.RuleFileLoader;
import io.sloc.rules.RuleGroup;
import io.sloc.ruletest.RuleEvaluation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Recorded history replayed through each policy's compiled rules with the engine, evaluating every group at every
 * step of the history (its shortest sample interval), as a Prometheus with that evaluation interval would have.
 * Incidents are the runs of evaluations where the SLO's base-window error ratio (as the first policy's rules
 * record it) is above the error budget.
 */
final class ReplayHistory {
    private ReplayHistory() {
    }

    /** A policy to replay: its name in the report and its compiled specs. */
    record Policy(String name, CompileSpecs.Result compiled) {
    }

    static Backtest run(History history, List<Policy> policies, PromqlProfile profile) {
        long first = history.firstMs();
        long last = history.lastMs();
        long step = history.stepMs();
        List<Replayed> replays = new ArrayList<>();
        for (Policy policy : policies) {
            replays.add(replay(history, policy, profile, first, last, step));
        }
        List<Backtest.SloBacktest> slos = new ArrayList<>();
        for (Service service : policies.get(0).compiled().spec().services()) {
            for (Slo slo : service.slos()) {
                if (slo.alerting().isEmpty()) {
                    continue;
                }
                double[] burn = burnRates(replays.get(0).storage(), service, slo, profile, first, last, step);
                List<Backtest.Incident> incidents = incidents(burn, first, step);
                List<Backtest.PolicyOutcome> outcomes = new ArrayList<>();
                for (int p = 0; p < policies.size(); p++) {
                    outcomes.add(outcome(policies.get(p), replays.get(p), service, slo, incidents, burn, first, step));
                }
                slos.add(new Backtest.SloBacktest(service.name() + "/" + slo.name(), incidents, outcomes));
            }
        }
        return new Backtest(history.name(), Instant.ofEpochMilli(first), Instant.ofEpochMilli(last),
                Duration.ofMillis(step), policies.stream().map(Policy::name).toList(), slos);
    }

    /** The storage after the replay, and every burn-rate alert that fired: its labels, from, until (or null). */
    private record Replayed(MemoryStorage storage, List<Fired> fired) {
    }

    private record Fired(SortedMap<String, String> labels, long startMs, Long endMs) {
    }

    private static Replayed replay(History history, Policy policy, PromqlProfile profile, long first, long last,
                                   long step) {
        List<RuleGroup> groups = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : policy.compiled().output().files().entrySet()) {
            if (file.getKey().startsWith("rules/")) {
                groups.addAll(RuleFileLoader.parse(new String(file.getValue(), StandardCharsets.UTF_8),
                        file.getKey()).groups());
            }
        }
        MemoryStorage storage = history.storage();
        RuleEvaluation rules = RuleEvaluation.over(groups, storage, step, profile);
        Map<SortedMap<String, String>, Long> firingSince = new LinkedHashMap<>();
        List<Fired> fired = new ArrayList<>();
        for (long ts = first; ts <= last; ts += step) {
            List<String> errors = rules.evaluate(ts);
            if (!errors.isEmpty()) {
                throw new BadInputException(new SourceLocation(history.name(), 1, 1), "replaying policy "
                        + policy.name() + ": " + errors.get(0));
            }
            Map<SortedMap<String, String>, Long> now = new HashMap<>();
            for (SortedMap<String, String> alert : rules.firingAlerts()) {
                now.put(alert, firingSince.getOrDefault(alert, ts));
            }
            for (Map.Entry<SortedMap<String, String>, Long> was : firingSince.entrySet()) {
                if (!now.containsKey(was.getKey())) {
                    fired.add(new Fired(was.getKey(), was.getValue(), ts));
                }
            }
            firingSince.keySet().retainAll(now.keySet());
            now.forEach(firingSince::putIfAbsent);
        }
        firingSince.forEach((labels, since) -> fired.add(new Fired(labels, since, null)));
        fired.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        return new Replayed(storage, fired);
    }

    /** The SLO's highest base-window error ratio over the budget at every step (0 where nothing is recorded). */
    private static double[] burnRates(MemoryStorage storage, Service service, Slo slo, PromqlProfile profile,
                                      long first, long last, long step) {
        Duration window = RuleGenerator.baseWindow(slo) != null ? RuleGenerator.baseWindow(slo)
                : slo.alerting().orElseThrow().windows().stream().map(w -> w.shortWindow()).min(Duration::compareTo)
                .orElseThrow();
        String query = "max(" + RuleNames.errorRatio(window) + RuleNames.SLOC.matcher(service, slo) + ") / "
                + slo.objective().errorBudget().toPlainString();
        Matrix matrix = new Engine(new EngineOptions(step, step, 0, profile)).rangeQuery(storage, PromqlParser.parse(query, profile), first, last, step);
        double[] burn = new double[(int) ((last - first) / step) + 1];
        matrix.series().forEach(series -> {
            for (int i = 0; i < series.size(); i++) {
                burn[(int) ((series.timestamp(i) - first) / step)] = series.value(i);
            }
        });
        return burn;
    }

    private static List<Backtest.Incident> incidents(double[] burn, long first, long step) {
        List<Backtest.Incident> incidents = new ArrayList<>();
        Integer start = null;
        for (int i = 0; i <= burn.length; i++) {
            boolean above = i < burn.length && burn[i] > 1;
            if (above && start == null) {
                start = i;
            } else if (!above && start != null) {
                incidents.add(new Backtest.Incident(Instant.ofEpochMilli(first + start * step), i < burn.length
                        ? Optional.of(Instant.ofEpochMilli(first + i * step)) : Optional.empty()));
                start = null;
            }
        }
        return incidents;
    }

    /** A policy's notifications for one SLO, and per incident the first page from its start to the next one's. */
    private static Backtest.PolicyOutcome outcome(Policy policy, Replayed replayed, Service current, Slo currentSlo,
                                                  List<Backtest.Incident> incidents, double[] burn, long first,
                                                  long step) {
        Optional<Slo> slo = policy.compiled().spec().services().stream()
                .filter(s -> s.name().equals(current.name())).flatMap(s -> s.slos().stream())
                .filter(s -> s.name().equals(currentSlo.name()) && s.alerting().isPresent()).findFirst();
        if (slo.isEmpty()) {
            return new Backtest.PolicyOutcome(List.of(), incidents.stream().map(i -> Optional.<Backtest.Detection>empty())
                    .toList());
        }
        Service service = policy.compiled().spec().services().stream()
                .filter(s -> s.name().equals(current.name())).findFirst().orElseThrow();
        String alertName = RuleNames.burnAlert(service, slo.get());
        String page = PolicyWorkbook.pageSeverity(AlertTestEmitter.underTest(RuleNames.SLOC, service, slo.get()));
        List<Backtest.Notification> notifications = new ArrayList<>();
        for (Fired fired : replayed.fired()) {
            if (alertName.equals(fired.labels().get("alertname"))
                    && current.name().equals(fired.labels().get("service"))
                    && currentSlo.name().equals(fired.labels().get("slo"))) {
                String severity = fired.labels().getOrDefault("severity", "");
                notifications.add(new Backtest.Notification(severity, severity.equals(page),
                        Instant.ofEpochMilli(fired.startMs()), Optional.ofNullable(fired.endMs())
                        .map(Instant::ofEpochMilli)));
            }
        }
        List<Optional<Backtest.Detection>> detections = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            Instant start = incidents.get(i).start();
            Instant before = i + 1 < incidents.size() ? incidents.get(i + 1).start() : Instant.MAX;
            detections.add(notifications.stream().filter(n -> n.page() && !n.start().isBefore(start)
                            && n.start().isBefore(before)).findFirst()
                    .map(n -> detection(start, n.start(), burn, first, step, slo.get().window())));
        }
        return new Backtest.PolicyOutcome(notifications, detections);
    }

    /** Time from the incident's start to the page, and the budget share burnt meanwhile (burn rate x time / period). */
    private static Backtest.Detection detection(Instant start, Instant paged, double[] burn, long first, long step,
                                                Duration period) {
        double burnt = 0;
        for (long ts = start.toEpochMilli(); ts < paged.toEpochMilli(); ts += step) {
            burnt += burn[(int) ((ts - first) / step)] * step;
        }
        return new Backtest.Detection(Duration.between(start, paged),
                new BigDecimal(burnt / period.toMillis()).round(MathContext.DECIMAL64));
    }
}
