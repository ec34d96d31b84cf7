package io.sloc.rules;

import java.util.List;

/** A parsed, validated Prometheus rule file; {@code path} as it was named (used in messages). */
public record RuleFile(String path, List<RuleGroup> groups) {
    public RuleFile {
        groups = List.copyOf(groups);
    }
}
