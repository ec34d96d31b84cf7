package io.sloc.check;

import io.sloc.diag.Diagnostic;
import io.sloc.diag.SourceLocation;
import io.sloc.rules.Rule;
import io.sloc.rules.RuleFile;
import io.sloc.rules.RuleGroup;
import java.util.Optional;

/**
 * Where a generated rule comes from in the SLO specs, so that a finding about it points at the spec line a user
 * edits rather than at generated YAML.
 */
@FunctionalInterface
public interface RuleOrigins {
    /** Rule files not generated from specs. */
    RuleOrigins NONE = (file, group, rule) -> Optional.empty();

    /** The spec position that produced rule {@code rule} of group {@code group} in rule file {@code file}. */
    Optional<SourceLocation> of(String file, String group, String rule);

    /** The origin of the rule of {@code file} written at {@code line} (the last rule starting at or before it). */
    default Optional<SourceLocation> ofLine(RuleFile file, int line) {
        RuleGroup lastGroup = null;
        Rule last = null;
        for (RuleGroup group : file.groups()) {
            for (Rule rule : group.rules()) {
                if (rule.location().line() > line) {
                    return last == null ? Optional.empty() : of(file.path(), lastGroup.name(), last.name());
                }
                lastGroup = group;
                last = rule;
            }
        }
        return last == null ? Optional.empty() : of(file.path(), lastGroup.name(), last.name());
    }

    /**
     * {@code finding} about a generated rule, moved to the rule's spec position when it has one; the message
     * then says where the rule is generated.
     */
    static Diagnostic relocate(Diagnostic finding, Optional<SourceLocation> origin) {
        return origin.map(spec -> new Diagnostic(finding.severity(), finding.check(), spec,
                finding.message() + "\n(generated at " + finding.location() + ")")).orElse(finding);
    }
}
