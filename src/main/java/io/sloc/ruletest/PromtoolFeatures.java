package io.sloc.ruletest;

import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.PromqlProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * promtool's {@code --enable-feature} (repeatable, each a comma-separated list): the PromQL features a name enables
 * and the warnings promtool prints on stdout for the others, which it otherwise ignores.
 *
 * @param profile  the profile with the enabled features
 * @param warnings promtool's warnings, in order, exactly as printed (3.x's lack a line break)
 */
public record PromtoolFeatures(PromqlProfile profile, List<String> warnings) {
    /** The PromQL feature flags of promtool 3.14 (promql-duration-expr is accepted but always on). */
    private static final Set<String> PROMQL_FEATURES_3 = Set.of("promql-experimental-functions",
            "promql-delayed-name-removal", "promql-extended-range-selectors", "promql-binop-fill-modifiers");
    private static final Set<String> ALWAYS_ON_3 = Set.of("promql-duration-expr");
    /** promtool 2.42: a scrape option test rules ignores, and two features promoted to stable. */
    private static final Set<String> IGNORED_2 = Set.of("no-default-scrape-port");
    private static final Set<String> PROMOTED_2 = Set.of("promql-at-modifier", "promql-negative-offset");

    public PromtoolFeatures {
        warnings = List.copyOf(warnings);
    }

    public static PromtoolFeatures of(PromqlProfile profile, List<String> flags) {
        Set<String> enabled = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        for (String flag : flags) {
            for (String name : flag.split(",", -1)) {
                if (name.isEmpty()) {
                    continue;
                }
                if (profile.isPrometheus3()) {
                    if (PROMQL_FEATURES_3.contains(name)) {
                        enabled.add(name);
                    } else if (!ALWAYS_ON_3.contains(name)) {
                        warnings.add("  WARNING: Unknown feature passed to --enable-feature: " + name);
                    }
                } else if (PROMOTED_2.contains(name)) {
                    warnings.add("  WARNING: Option for --enable-feature is a no-op after promotion to a stable "
                            + "feature: " + GoQuote.quote(name) + "\n");
                } else if (!IGNORED_2.contains(name)) {
                    warnings.add("  WARNING: Unknown option for --enable-feature: " + GoQuote.quote(name) + "\n");
                }
            }
        }
        return new PromtoolFeatures(profile.withFeatures(enabled), warnings);
    }
}
