package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.DidYouMean;
import io.sloc.diag.SourceLocation;
import io.sloc.promql.PromqlProfile;
import java.util.Comparator;
import java.util.List;

/**
 * The Prometheus version the output is for ({@code --prometheus}, the goals' {@code prometheusVersion}): the
 * generated alert-behaviour tests expect its alert times, and the rule tests run with its semantics. The rules
 * themselves are the same for every version (they are validated with the stricter 2.42 parser).
 */
public record PrometheusTarget(PromqlProfile profile) {
    /** The current Prometheus, when no version is named. */
    public static final PrometheusTarget DEFAULT = new PrometheusTarget(PromqlProfile.DEFAULT);

    /** The version names the CLI and the goals accept, newest first, short names first ("3", "3.14", "2.42"). */
    public static List<String> acceptedNames() {
        return PromqlProfile.BY_NAME.keySet().stream()
                .sorted(Comparator.comparing((String name) -> PromqlProfile.forName(name).version()).reversed()
                        .thenComparing(String::length))
                .toList();
    }

    /**
     * The target named {@code name}.
     *
     * @param setting what named it (an option or parameter), for the message
     * @throws BadInputException for an unknown name, listing the accepted ones
     */
    public static PrometheusTarget named(String name, String setting) {
        PromqlProfile profile = PromqlProfile.forName(name);
        if (profile == null) {
            throw new BadInputException(new SourceLocation(setting, 0, 0), "unknown Prometheus version '" + name
                    + "' (accepted: " + String.join(", ", acceptedNames()) + ")"
                    + DidYouMean.hint(name, acceptedNames()));
        }
        return new PrometheusTarget(profile);
    }

    /** The version, e.g. "3.14". */
    public String version() {
        return profile.version();
    }

    // Written out (picocli prints every option value it sets): a record's generated toString spins method handles
    // at its first call, milliseconds of start-up that the start-up cache cannot hold.
    @Override
    public String toString() {
        return "PrometheusTarget[profile=" + profile + "]";
    }
}
