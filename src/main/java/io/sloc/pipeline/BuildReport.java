package io.sloc.pipeline;

import io.sloc.compiler.CompileOptions;
import io.sloc.compiler.SlocCompiler;
import io.sloc.emit.OutputTree;
import io.sloc.emit.report.HtmlReport;
import io.sloc.model.Spec;
import java.nio.file.Path;
import java.util.List;

/** The use case behind {@code sloc report}: specs compiled to the model, the HTML report written to a directory. */
public final class BuildReport {
    private BuildReport() {
    }

    /** What was written: the compiled spec and the report's path. */
    public record Outcome(Spec spec, Path page) {
    }

    /** Reads and compiles the specs ({@link SpecLoader}), then writes {@code outputDir} (owned by sloc). */
    public static Outcome run(List<Path> inputs, Path outputDir, PrometheusTarget target) {
        Spec spec = SlocCompiler.compile(SpecLoader.load(inputs), CompileOptions.DEFAULTS).spec();
        OutputTree output = new OutputTree();
        new HtmlReport(target.profile()).emit(spec, output);
        OutputWriter.write(output, outputDir);
        return new Outcome(spec, outputDir.resolve(HtmlReport.FILE));
    }
}
