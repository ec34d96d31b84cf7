package io.sloc.diag;

import java.util.Locale;

/** How bad a finding is: errors fail the check, warnings only fail it under {@code --strict}. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
