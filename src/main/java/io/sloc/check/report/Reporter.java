package io.sloc.check.report;

import io.sloc.check.CheckReport;
import java.io.PrintWriter;

/** Renders a check report for a reader: a person, a CI system, or a program. */
public interface Reporter {
    /** Writes {@code report}; {@code passed} is the verdict (it depends on {@code --strict}, not only on the report). */
    void write(CheckReport report, boolean passed, PrintWriter out);
}
