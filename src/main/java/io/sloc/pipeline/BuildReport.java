package io.sloc.pipeline;

import io.sloc.compiler.CompileOptions;
import io.sloc.emit.OutputTree;
import io.sloc.emit.report.Backtest;
import io.sloc.emit.report.HtmlReport;
import io.sloc.model.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The use case behind {@code sloc report}: specs compiled to the model, optionally a recorded history replayed
 * through their rules (and through a proposed policy's), the HTML report written to a directory.
 */
public final class BuildReport {
    private BuildReport() {
    }

    /** What was written: the compiled spec and the report's path. */
    public record Outcome(Spec spec, Path page) {
    }

    /**
     * A history to replay ({@code --history}) through the specs' rules and, when {@code proposed} names spec files,
     * through theirs too, side by side.
     */
    public record HistoryReplay(Path history, List<Path> proposed) {
        public HistoryReplay {
            proposed = List.copyOf(proposed);
        }
    }

    /** Reads and compiles the specs ({@link SpecLoader}), then writes {@code outputDir} (owned by sloc). */
    public static Outcome run(List<Path> inputs, Path outputDir, PrometheusTarget target,
                              Optional<HistoryReplay> replay) {
        CompileSpecs.Result current = compile(inputs, target);
        Optional<Backtest> backtest = replay.map(r -> {
            List<ReplayHistory.Policy> policies = new ArrayList<>(List.of(new ReplayHistory.Policy("current",
                    current)));
            if (!r.proposed().isEmpty()) {
                policies.add(new ReplayHistory.Policy("proposed", compile(r.proposed(), target)));
            }
            return ReplayHistory.run(History.read(r.history()), policies, target.profile());
        });
        OutputTree output = new OutputTree();
        new HtmlReport(target.profile(), backtest).emit(current.spec(), output);
        OutputWriter.write(output, outputDir);
        return new Outcome(current.spec(), outputDir.resolve(HtmlReport.FILE));
    }

    private static CompileSpecs.Result compile(List<Path> inputs, PrometheusTarget target) {
        return CompileSpecs.inMemory(SpecLoader.load(inputs), CompileOptions.DEFAULTS, target);
    }
}
