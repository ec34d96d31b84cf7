package io.sloc.compiler;

import io.sloc.compiler.validation.Diagnostics;
import io.sloc.compiler.validation.SpecContext;
import io.sloc.compiler.validation.Validator;
import io.sloc.diag.Diagnostic;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.model.Spec;
import java.util.List;

/** Parsed specs → validated, immutable model; no side effects, no outputs (those are the emitters'). */
public final class SlocCompiler {
    private SlocCompiler() {
    }

    /** The model of one compile, and the warnings found on the way. */
    public record Compilation(Spec spec, List<Diagnostic> warnings) {
        public Compilation {
            warnings = List.copyOf(warnings);
        }
    }

    /** @throws io.sloc.diag.BadInputException at the first error in the specs */
    public static Compilation compile(List<SpecFile> files, CompileOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        files.forEach(file -> file.warnings().forEach(w -> diagnostics.warn(w.location(), w.value())));
        SpecContext context = Validator.validate(files, diagnostics);
        return new Compilation(new ModelBuilder(context, options).build(), diagnostics.warnings());
    }
}
