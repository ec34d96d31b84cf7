package io.sloc.emit;

import io.sloc.emit.grafana.DashboardEmitter;
import io.sloc.emit.rules.RulesEmitter;
import io.sloc.emit.rules.RunbooksEmitter;
import io.sloc.emit.tests.AlertTestEmitter;
import java.util.List;

/** The emitters {@code sloc compile} runs, in order. */
public final class Emitters {
    private Emitters() {
    }

    public static List<Emitter> defaults() {
        return List.of(new RulesEmitter(), new RunbooksEmitter(), new DashboardEmitter(), new AlertTestEmitter());
    }
}
