package io.sloc.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromtoolFeaturesTest {
    @Test
    void prometheus3EnablesItsPromqlFlagsAndWarnsWithoutALineBreakOtherwise() {
        PromtoolFeatures f = PromtoolFeatures.of(PromqlProfile.V3_14,
                List.of("promql-experimental-functions,,promql-duration-expr", "bogus", "promql-at-modifier"));
        assertThat(f.profile().features()).containsExactly("promql-experimental-functions");
        assertThat(f.profile().isPrometheus3()).isTrue();
        assertThat(f.warnings()).containsExactly("  WARNING: Unknown feature passed to --enable-feature: bogus",
                "  WARNING: Unknown feature passed to --enable-feature: promql-at-modifier");
    }

    @Test
    void prometheus242KnowsOnlyItsOwnNames() {
        PromtoolFeatures f = PromtoolFeatures.of(PromqlProfile.V2_42,
                List.of("promql-at-modifier,no-default-scrape-port", "promql-experimental-functions"));
        assertThat(f.profile().features()).isEmpty();
        assertThat(f.warnings()).containsExactly(
                "  WARNING: Option for --enable-feature is a no-op after promotion to a stable feature: "
                        + "\"promql-at-modifier\"\n",
                "  WARNING: Unknown option for --enable-feature: \"promql-experimental-functions\"\n");
    }
}
