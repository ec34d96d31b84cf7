package io.sloc.ruletest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one test file: an error that stopped the whole file (bad YAML, unreadable file; with its line when
 * known, else 0), or one report per test group that ran. {@code started} is when its groups started, empty when the
 * file stopped before.
 */
public record FileReport(String file, List<String> fileErrors, int fileErrorLine, List<GroupReport> groups,
                         Optional<Instant> started) {
    public FileReport {
        fileErrors = List.copyOf(fileErrors);
        groups = List.copyOf(groups);
    }

    /** A report with no run timestamp (sloc's own JUnit reports have none). */
    public FileReport(String file, List<String> fileErrors, int fileErrorLine, List<GroupReport> groups) {
        this(file, fileErrors, fileErrorLine, groups, Optional.empty());
    }

    /** A file that could not be read or parsed. */
    static FileReport aborted(String file, String error, int line) {
        return new FileReport(file, List.of(error), line, List.of(), Optional.empty());
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

        /** How promtool 3.x names the group (debug lines, JUnit): its name, or {@code unnamed#INDEX}. */
        public String promtoolName() {
            return promtoolName(name, index);
        }

        static String promtoolName(String name, int index) {
            return name.isEmpty() ? "unnamed#" + index : name;
        }
    }
}
