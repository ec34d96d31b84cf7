package io.sloc.compiler;

import io.sloc.compiler.rules.AlertsValid;
import io.sloc.compiler.rules.BurnWindowsFit;
import io.sloc.compiler.rules.DurationsValid;
import io.sloc.compiler.rules.FactorMatchesBudget;
import io.sloc.compiler.rules.GroupingDoesNotClash;
import io.sloc.compiler.rules.LabelNamesValid;
import io.sloc.compiler.rules.ObjectiveInRange;
import io.sloc.compiler.rules.PanelsValid;
import io.sloc.compiler.rules.ReferencesResolve;
import io.sloc.compiler.rules.RequiredFields;
import io.sloc.compiler.rules.RunbooksUsed;
import io.sloc.compiler.rules.SliQueriesHaveShape;
import io.sloc.compiler.rules.UniqueNames;
import io.sloc.dsl.ast.SpecFile;
import io.sloc.model.Spec;
import java.util.List;

/** Parsed specs → validated model: runs every {@link SemanticRule}, then builds the model. */
public final class Analyzer {
    /** In order: structure first (fields, names, references), then values, then PromQL and cross-checks. */
    static final List<SemanticRule> RULES = List.of(
            new RequiredFields(),
            new UniqueNames(),
            new ReferencesResolve(),
            new ObjectiveInRange(),
            new DurationsValid(),
            new BurnWindowsFit(),
            new FactorMatchesBudget(),
            new LabelNamesValid(),
            new GroupingDoesNotClash(),
            new SliQueriesHaveShape(),
            new AlertsValid(),
            new PanelsValid(),
            new RunbooksUsed());

    private Analyzer() {
    }

    /** @throws io.sloc.diag.BadInputException at the first error; warnings go to {@code diagnostics} */
    public static Spec analyze(List<SpecFile> files, CompileOptions options, Diagnostics diagnostics) {
        SpecContext spec = new SpecContext(files, options);
        for (SemanticRule rule : RULES) {
            rule.check(spec, diagnostics);
        }
        return new ModelBuilder(spec).build();
    }
}
