package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AlertViewTest {
    @Test
    void labelMapsPrintLikeGoLabelsKeepingEmptyValues() {
        TreeMap<String, String> withEmpty = new TreeMap<>();
        withEmpty.put("b", "");
        withEmpty.put("a", "x\"y");
        assertThat(AlertView.goLabels(withEmpty)).isEqualTo("{a=\"x\\\"y\", b=\"\"}");
    }
}
