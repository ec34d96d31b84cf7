package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.parser.Functions;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FunctionCallsTest {
    @Test
    void implementsExactlyTheParsersFunctions() {
        Set<String> parserNames = new TreeSet<>();
        for (FunctionSignature f : Functions.all()) {
            parserNames.add(f.name());
        }
        Set<String> anyVersion = new TreeSet<>(parserNames);
        for (FunctionSignature f : Functions.all(PromqlProfile.V3_14)) {
            anyVersion.add(f.name());
        }
        // Every 2.42 function is implemented; 3.x functions are being added (info so far).
        assertThat(FunctionCalls.names()).containsAll(parserNames);
        assertThat(anyVersion).containsAll(FunctionCalls.names());
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
