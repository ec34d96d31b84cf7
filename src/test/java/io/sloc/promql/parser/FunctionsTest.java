package io.sloc.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.ast.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsTest {
    @Test
    void holdsEveryPromql242FunctionSortedByName() {
        List<String> names = Functions.all().stream().map(FunctionSignature::name).toList();
        assertThat(names).hasSize(70).isSorted().contains("label_replace", "histogram_fraction", "holt_winters", "pi")
                .doesNotContain("histogram_stddev", "mad_over_time", "sort_by_label");
    }

    @Test
    void describesArgumentsLikePrometheus() {
        assertThat(Functions.get("label_join"))
                .isEqualTo(new FunctionSignature("label_join",
                        List.of(ValueType.VECTOR, ValueType.STRING, ValueType.STRING, ValueType.STRING), -1,
                        ValueType.VECTOR));
        assertThat(Functions.get("round").variadic()).isEqualTo(1);
        assertThat(Functions.get("year").argTypes()).containsExactly(ValueType.VECTOR);
        assertThat(Functions.get("scalar").returnType()).isEqualTo(ValueType.SCALAR);
        assertThat(Functions.get("Rate")).isNull();
    }
}
