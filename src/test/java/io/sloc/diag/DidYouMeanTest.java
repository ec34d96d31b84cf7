package io.sloc.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void levenshteinCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(DidYouMean.distance("compil", "compile")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }

    @Test
    void theNearestWithinTwoEditsFirstListedOnTies() {
        assertThat(DidYouMean.nearest("tset", List.of("check", "test", "compile"))).contains("test");
        assertThat(DidYouMean.nearest("cat", List.of("bat", "hat"))).contains("bat");
        assertThat(DidYouMean.nearest("deploy", List.of("check", "test", "compile"))).isEmpty();
        assertThat(DidYouMean.hint("check", List.of("check"))).isEmpty();
    }
}
