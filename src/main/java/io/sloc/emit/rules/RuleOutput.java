package io.sloc.emit.rules;

import io.sloc.model.Maps;
import java.util.Map;
import java.util.Optional;

/**
 * How the generated rules are named and packaged.
 *
 * @param names      sloc's or Sloth's series, label and alert names
 * @param format     the deployable files written beside the plain rule files
 * @param namespace  the Kubernetes namespace of the {@code PrometheusRule} objects; empty: the one kubectl applies to
 * @param objectLabels labels of the {@code PrometheusRule} objects (what a Prometheus's {@code ruleSelector} matches)
 */
public record RuleOutput(RuleNames names, RuleFormat format, Optional<String> namespace,
                         Map<String, String> objectLabels) {
    public static final RuleOutput DEFAULT = new RuleOutput(RuleNames.SLOC, RuleFormat.RULES, Optional.empty(),
            Map.of());

    public RuleOutput {
        objectLabels = Maps.sorted(objectLabels);
    }
}
