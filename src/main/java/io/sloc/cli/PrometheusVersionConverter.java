package io.sloc.cli;

import io.sloc.diag.BadInputException;
import io.sloc.pipeline.PrometheusTarget;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --prometheus VERSION}: an unknown version is a usage error that lists the accepted ones. */
final class PrometheusVersionConverter implements CommandLine.ITypeConverter<PrometheusTarget> {
    static final String OPTION = "--prometheus";
    static final String DESCRIPTION = "The Prometheus version the output is for: 3 (the default, i.e. 3.14), 3.14 "
            + "or 2.42. The rules are the same for each; the generated alert-behaviour tests expect its alert times "
            + "(its range windows) and the rule tests run with its semantics.";

    /** The option, default 3, with the command's own description. */
    static OptionSpec.Builder option(String description) {
        return OptionSpec.builder(OPTION).paramLabel("VERSION").defaultValue("3").type(PrometheusTarget.class)
                .converters(new PrometheusVersionConverter()).description(description);
    }

    @Override
    public PrometheusTarget convert(String value) {
        try {
            return PrometheusTarget.named(value, OPTION);
        } catch (BadInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
