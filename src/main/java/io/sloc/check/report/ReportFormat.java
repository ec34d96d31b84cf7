package io.sloc.check.report;

import java.util.Map;

/** The {@code --format} choices of {@code sloc check}. */
public enum ReportFormat {
    /** Human-readable lines, {@code file:line:col: severity: message}; coloured only on a terminal. */
    TEXT,
    /** One JSON document, for programs. */
    JSON,
    /** GitHub Actions workflow commands, which GitHub turns into annotations on the changed lines. */
    GITHUB;

    public Reporter reporter(boolean colour) {
        switch (this) {
            case JSON:
                return new JsonReporter();
            case GITHUB:
                return new GithubReporter();
            default:
                return new TextReporter(colour);
        }
    }

    /**
     * Colours only when writing to a terminal and {@code NO_COLOR} is unset or empty (https://no-color.org:
     * "when present and not an empty string").
     */
    public static boolean colourWanted(boolean terminal, Map<String, String> environment) {
        String noColour = environment.get("NO_COLOR");
        return terminal && (noColour == null || noColour.isEmpty());
    }
}
