package io.sloc.compiler.validation;

import io.sloc.dsl.ast.SpecFile;
import java.util.List;

/** Validates parsed specs: runs every {@link SemanticRule} in order. */
public final class Validator {
    /** In order: structure first (fields, names, references), then values, then PromQL and cross-checks. */
    static final List<SemanticRule> RULES = List.of(
            new RequiredFields(),
            new UniqueNames(),
            new ReferencesResolve(),
            new ObjectiveInRange(),
            new DurationsValid(),
            new NativeSchemaInRange(),
            new ThresholdOnBucketBoundary(),
            new BurnWindowsFit(),
            new FactorMatchesBudget(),
            new LabelNamesValid(),
            new GroupingDoesNotClash(),
            new SliQueriesHaveShape(),
            new AlertsValid(),
            new RecordsValid(),
            new PrometheusSetupValid(),
            new AlertmanagerSetupValid(),
            new PanelsValid(),
            new RunbooksUsed());

    private Validator() {
    }

    /**
     * Runs every rule over the parsed specs.
     *
     * @return the specs with the lookups the model builder shares with the rules
     * @throws io.sloc.diag.BadInputException at the first error; warnings go to {@code diagnostics}
     */
    public static SpecContext validate(List<SpecFile> files, Diagnostics diagnostics) {
        SpecContext spec = new SpecContext(files);
        for (SemanticRule rule : RULES) {
            rule.check(spec, diagnostics);
        }
        return spec;
    }
}
