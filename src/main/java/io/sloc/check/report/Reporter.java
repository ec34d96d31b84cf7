package io.sloc.check.report;

import io.sloc.check.CheckReport;
import java.io.PrintWriter;

/** Renders a check report for a reader: a person, a CI system, or a program. */
public interface Reporter {
    /** Writes {@code report}, ending with its verdict. */
    void write(CheckReport report, PrintWriter out);
}
