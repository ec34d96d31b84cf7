package io.sloc.ruletest;

import java.util.List;

/**
 * The outcome of one test file: an error that stopped the whole file (bad YAML, unreadable file; with its line when
 * known, else 0), or one report per test group that ran.
 */
public record FileReport(String file, List<String> fileErrors, int fileErrorLine, List<GroupReport> groups) {
    public FileReport {
        fileErrors = List.copyOf(fileErrors);
        groups = List.copyOf(groups);
    }

    public boolean failed() {
        return !fileErrors.isEmpty() || groups.stream().anyMatch(GroupReport::failed);
    }

    /** Every error in promtool's order. */
    public List<String> errors() {
        if (!fileErrors.isEmpty()) {
            return fileErrors;
        }
        return groups.stream().flatMap(g -> g.errors().stream()).toList();
    }

    /**
     * One test group: its position in {@code tests:} (0-based), name ("" if none), line in the file, and errors
     * (none = passed).
     */
    public record GroupReport(int index, String name, int line, List<String> errors, long durationNanos) {
        public GroupReport {
            errors = List.copyOf(errors);
        }

        public boolean failed() {
            return !errors.isEmpty();
        }
    }
}
