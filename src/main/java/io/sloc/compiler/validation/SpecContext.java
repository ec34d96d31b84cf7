package io.sloc.compiler.validation;

import io.sloc.dsl.ast.AlertmanagerNode;
import io.sloc.dsl.ast.PolicyNode;
import io.sloc.dsl.ast.PrometheusNode;
import io.sloc.dsl.ast.PromqlText;
import io.sloc.dsl.ast.RunbookNode;
import io.sloc.dsl.ast.ServiceNode;
import io.sloc.dsl.ast.SloNode;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.model.PromqlQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** All parsed spec files of one compile, with lookups shared by the semantic rules and the model builder. */
public final class SpecContext {
    /** The SRE workbook policy, used when an SLO says nothing about alerting. */
    public static final String DEFAULT_POLICY = "workbook";
    /** {@code alerting none}: record the SLO, raise no burn-rate alerts. */
    public static final String NO_POLICY = "none";

    private final List<SpecFile> files;
    private final Map<PromqlText, PromqlQuery> parsed = new HashMap<>();
    /** The first policy and runbook of each name: every SLO looks its own up. */
    private final Map<String, PolicyNode> policiesByName = new HashMap<>();
    private final Map<String, RunbookNode> runbooksByName = new HashMap<>();

    public SpecContext(List<SpecFile> files) {
        this.files = List.copyOf(files);
        policies().forEach(p -> policiesByName.putIfAbsent(p.name().value(), p));
        runbooks().forEach(r -> runbooksByName.putIfAbsent(r.name().value(), r));
    }

    public List<ServiceNode> services() {
        return files.stream().flatMap(f -> f.services().stream()).toList();
    }

    public List<PolicyNode> policies() {
        return files.stream().flatMap(f -> f.policies().stream()).toList();
    }

    public List<RunbookNode> runbooks() {
        return files.stream().flatMap(f -> f.runbooks().stream()).toList();
    }

    /** Every {@code prometheus} block; a valid compile has at most one. */
    public List<PrometheusNode> prometheus() {
        return files.stream().flatMap(f -> f.prometheus().stream()).toList();
    }

    /** Every {@code alertmanager} block; a valid compile has at most one. */
    public List<AlertmanagerNode> alertmanagers() {
        return files.stream().flatMap(f -> f.alertmanagers().stream()).toList();
    }

    public Optional<PolicyNode> policy(String name) {
        return Optional.ofNullable(policiesByName.get(name));
    }

    public Optional<RunbookNode> runbook(String name) {
        return Optional.ofNullable(runbooksByName.get(name));
    }

    /** The burn-rate policy an SLO uses: inline, named, the workbook default, or none ({@code alerting none}). */
    public Optional<PolicyNode> effectivePolicy(SloNode slo) {
        if (slo.alertingPolicy() != null) {
            return Optional.of(slo.alertingPolicy());
        }
        String name = slo.alertingPolicyName() == null ? DEFAULT_POLICY : slo.alertingPolicyName().value();
        if (name.equals(NO_POLICY)) {
            return Optional.empty();
        }
        return name.equals(DEFAULT_POLICY) ? Optional.of(WorkbookPolicy.NODE) : policy(name);
    }

    /** Every SLO that alerts, with the burn-rate policy it uses ({@link #effectivePolicy}). */
    public void forEachAlertingSlo(BiConsumer<SloNode, PolicyNode> action) {
        for (ServiceNode service : services()) {
            for (SloNode slo : service.slos()) {
                effectivePolicy(slo).ifPresent(policy -> action.accept(slo, policy));
            }
        }
    }

    /** The parse of embedded PromQL (parsed once; a syntax error is thrown located in the spec). */
    public PromqlQuery promql(PromqlText text) {
        PromqlQuery query = parsed.get(text);
        if (query == null) {
            query = EmbeddedPromql.parse(text);
            parsed.put(text, query);
        }
        return query;
    }
}
