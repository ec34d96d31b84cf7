package io.sloc.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.golang.strconv.LayerViolationFixture;
import io.sloc.promql.Durations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering the README draws, enforced: imports point one way only (from the application edges, cli
 * and maven, through pipeline, down to golang), and no two packages depend on each other, directly or through
 * others. Each package's {@code package-info.java} says what it owns and what it may import.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sloc");
    }

    /** The layers and who may use each; generated ANTLR code belongs to the layer of its grammar. */
    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.sloc.cli..")
                .layer("maven").definedBy("io.sloc.maven..")
                .layer("pipeline").definedBy("io.sloc.pipeline..")
                .layer("check").definedBy("io.sloc.check..")
                .layer("emit").definedBy("io.sloc.emit..")
                .layer("compiler").definedBy("io.sloc.compiler..")
                .layer("model").definedBy("io.sloc.model..")
                .layer("dsl").definedBy("io.sloc.dsl..")
                .layer("ruletest").definedBy("io.sloc.ruletest..")
                .layer("rules").definedBy("io.sloc.rules..")
                .layer("template").definedBy("io.sloc.template..")
                .layer("promql").definedBy("io.sloc.promql..")
                .layer("diag").definedBy("io.sloc.diag..")
                .layer("golang").definedBy("io.sloc.golang..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("maven").mayNotBeAccessedByAnyLayer()
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli", "maven")
                .whereLayer("check").mayOnlyBeAccessedByLayers("pipeline", "cli", "maven")
                .whereLayer("emit").mayOnlyBeAccessedByLayers("pipeline")
                .whereLayer("compiler").mayOnlyBeAccessedByLayers("pipeline", "cli", "maven")
                .whereLayer("dsl").mayOnlyBeAccessedByLayers("compiler", "pipeline")
                .whereLayer("model").mayOnlyBeAccessedByLayers("compiler", "emit", "check", "pipeline", "cli",
                        "maven")
                .whereLayer("ruletest").mayOnlyBeAccessedByLayers("check", "pipeline")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("ruletest", "check", "pipeline")
                .whereLayer("template").mayOnlyBeAccessedByLayers("rules", "ruletest")
                .whereLayer("promql").mayOnlyBeAccessedByLayers("model", "compiler", "emit", "rules", "ruletest",
                        "template", "check", "pipeline")
                .whereLayer("diag").mayOnlyBeAccessedByLayers("dsl", "model", "compiler", "emit", "promql", "rules",
                        "ruletest", "template", "check", "pipeline", "cli", "maven");
    }

    /** Every package (and sub-package) is a slice; a cycle between any two fails. */
    static ArchRule packagesAreFreeOfCycles() {
        return slices().matching("io.sloc.(**)").should().beFreeOfCycles();
    }

    @Test
    void importsFollowTheLayers() {
        layers().check(classes);
    }

    @Test
    void noPackageCycles() {
        packagesAreFreeOfCycles().check(classes);
    }

    /** The rules are not vacuous: a Go port importing PromQL breaks the layering and closes a cycle. */
    @Test
    void aForbiddenImportIsCaught() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(LayerViolationFixture.class,
                Durations.class, GoQuote.class);
        assertThatThrownBy(() -> layers().check(withViolation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(LayerViolationFixture.class.getName());
        assertThatThrownBy(() -> packagesAreFreeOfCycles().check(withViolation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }
}
