package io.sloc.emit.rules;

import java.util.List;

/** A Prometheus rule file: groups in order (Prometheus evaluates a group's rules in order, one group at a time). */
public record GeneratedRuleFile(List<GeneratedRuleGroup> groups) {
    public GeneratedRuleFile {
        groups = List.copyOf(groups);
    }
}
