package io.sloc.pipeline;

import io.sloc.diag.BadInputException;
import io.sloc.diag.SourceLocation;
import io.sloc.emit.rules.RuleFormat;
import io.sloc.emit.rules.RuleNames;
import io.sloc.emit.rules.RuleOutput;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the generated rules are named and packaged, as the CLI's options and the goals' parameters give it:
 * {@code --naming sloc|sloth}, {@code --format rules|prometheusrule|mimir}, the {@code PrometheusRule} objects'
 * namespace and labels.
 */
public final class RuleOutputSettings {
    public static final RuleOutputSettings DEFAULT = new RuleOutputSettings(RuleOutput.DEFAULT);

    private final RuleOutput output;

    private RuleOutputSettings(RuleOutput output) {
        this.output = output;
    }

    /**
     * The settings named so; {@code namingSetting} and {@code formatSetting} name the option or parameter that
     * gave each, for the message.
     *
     * @throws BadInputException for an unknown naming or format, listing the accepted ones
     */
    public static RuleOutputSettings of(String naming, String namingSetting, String format, String formatSetting,
                                        Optional<String> namespace, Map<String, String> objectLabels) {
        RuleNames names = named(RuleNames.forName(naming), naming, namingSetting, "naming", RuleNames.values(),
                RuleNames::optionName);
        RuleFormat rules = named(RuleFormat.forName(format), format, formatSetting, "rule format",
                RuleFormat.values(), RuleFormat::optionName);
        return new RuleOutputSettings(new RuleOutput(names, rules, namespace, objectLabels));
    }

    RuleOutput output() {
        return output;
    }

    private static <T> T named(T found, String name, String setting, String what, T[] all,
                               Function<T, String> optionName) {
        if (found == null) {
            throw new BadInputException(new SourceLocation(setting, 0, 0), "unknown " + what + " '" + name
                    + "' (accepted: " + Arrays.stream(all).map(optionName).collect(Collectors.joining(", ")) + ")");
        }
        return found;
    }
}
