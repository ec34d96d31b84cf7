package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.ast.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsTest {
    @Test
    void holdsEveryPromql242FunctionSortedByName() {
        List<String> names = Functions.all(PromqlProfile.V2_42).stream().map(FunctionSignature::name).toList();
        assertThat(names).hasSize(70).isSorted().contains("label_replace", "histogram_fraction", "holt_winters", "pi")
                .doesNotContain("histogram_stddev", "mad_over_time", "sort_by_label");
    }

    @Test
    void describesArgumentsLikePrometheus() {
        assertThat(Functions.get("label_join", PromqlProfile.V2_42))
                .isEqualTo(new FunctionSignature("label_join",
                        List.of(ValueType.VECTOR, ValueType.STRING, ValueType.STRING, ValueType.STRING), -1,
                        ValueType.VECTOR));
        assertThat(Functions.get("round", PromqlProfile.V2_42).variadic()).isEqualTo(1);
        assertThat(Functions.get("year", PromqlProfile.V2_42).argTypes()).containsExactly(ValueType.VECTOR);
        assertThat(Functions.get("scalar", PromqlProfile.V2_42).returnType()).isEqualTo(ValueType.SCALAR);
        assertThat(Functions.get("Rate", PromqlProfile.V2_42)).isNull();
    }
}
