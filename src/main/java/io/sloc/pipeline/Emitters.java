package io.sloc.pipeline;

import io.sloc.emit.Emitter;
import io.sloc.emit.behaviour.AlertTestEmitter;
import io.sloc.emit.grafana.DashboardEmitter;
import io.sloc.emit.rules.RuleOutput;
import io.sloc.emit.rules.RulesEmitter;
import io.sloc.emit.runbooks.RunbooksEmitter;
import io.sloc.emit.stack.AlertmanagerConfigEmitter;
import io.sloc.emit.stack.ComposeEmitter;
import io.sloc.emit.stack.PrometheusConfigEmitter;
import java.util.List;

/** The emitters {@code sloc compile} runs, in order, for a target Prometheus and a naming and format of rules. */
public final class Emitters {
    private Emitters() {
    }

    public static List<Emitter> defaults(PrometheusTarget target, RuleOutput output) {
        return List.of(new RulesEmitter(output), new RunbooksEmitter(), new DashboardEmitter(output.names()),
                new AlertTestEmitter(target.profile(), output.names()), new PrometheusConfigEmitter(),
                new AlertmanagerConfigEmitter(), new ComposeEmitter(target.version()));
    }
}
