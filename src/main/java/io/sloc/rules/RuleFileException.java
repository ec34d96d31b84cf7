package io.sloc.rules;

import java.util.List;

/**
 * A rule file that cannot be loaded. {@link #errors()} are the messages {@code promtool check rules} prints, each
 * starting with the file name; {@link #line()} locates the first one when known (0 otherwise).
 */
public final class RuleFileException extends RuntimeException {
    private final transient List<String> errors;
    private final String file;
    private final int line;

    public RuleFileException(String file, List<String> errors, int line) {
        super(String.join("\n", errors));
        this.file = file;
        this.errors = List.copyOf(errors);
        this.line = line;
    }

    public String file() {
        return file;
    }

    public List<String> errors() {
        return errors;
    }

    public int line() {
        return line;
    }
}
