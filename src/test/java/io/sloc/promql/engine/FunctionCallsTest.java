package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.parser.Functions;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FunctionCallsTest {
    /** Query-context functions Prometheus folds into number literals before evaluating (nil in its table). */
    private static final Set<String> FOLDED_BEFORE_EVALUATION = Set.of("start", "end", "range", "step");

    @Test
    void implementsEveryFunctionOfEveryVersion() {
        Set<String> wanted = names(PromqlProfile.V2_42);
        wanted.addAll(names(PromqlProfile.V3_14));
        wanted.removeAll(FOLDED_BEFORE_EVALUATION);
        assertThat(new TreeSet<>(FunctionCalls.names())).isEqualTo(wanted);
    }

    private static Set<String> names(PromqlProfile profile) {
        Set<String> names = new TreeSet<>();
        for (FunctionSignature f : Functions.all(profile)) {
            names.add(profile.implementationName(f.name()));
        }
        return names;
    }

    @Test
    void nativeHistogramFunctionsYieldNothingForFloatSamples() {
        EngineFixture f = new EngineFixture();
        f.sample("__name__,m", 0, 1);
        assertThat(f.vector("histogram_count(m)", 0).isEmpty()).isTrue();
        assertThat(f.vector("histogram_sum(m)", 0).isEmpty()).isTrue();
        assertThat(f.vector("histogram_fraction(0, 1, m)", 0).isEmpty()).isTrue();
    }
}
