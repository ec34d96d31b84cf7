package io.sloc.compiler;

import io.sloc.diag.Warning;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.emit.Emitter;
import io.sloc.emit.OutputTree;
import io.sloc.model.Spec;
import java.util.List;

/**
 * The compile pipeline without side effects: parsed specs → validated model → every emitter's files in memory.
 * Reading specs ({@link SpecLoader}) and writing output ({@link io.sloc.emit.OutputWriter}) happen at the edges.
 */
public final class SlocCompiler {
    private SlocCompiler() {
    }

    /** What one compile produced. */
    public record Result(Spec spec, OutputTree output, List<Warning> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** @throws io.sloc.diag.BadInputException at the first error in the specs */
    public static Result compile(List<SpecFile> files, CompileOptions options, List<Emitter> emitters) {
        Diagnostics diagnostics = new Diagnostics();
        Spec spec = Analyzer.analyze(files, options, diagnostics);
        OutputTree output = new OutputTree();
        emitters.forEach(emitter -> emitter.emit(spec, output));
        return new Result(spec, output, diagnostics.warnings());
    }
}
