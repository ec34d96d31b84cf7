package io.sloc.cli;

/** Process exit codes, shared by every command (promtool uses the same 0/1 for test verdicts). */
public final class ExitCodes {
    public static final int OK = 0;
    /** A check, drift comparison or rule test failed. */
    public static final int FAILED = 1;
    /** Bad input or usage: the message says where and what to do. */
    public static final int BAD_INPUT = 2;
    /** A bug in sloc (sysexits.h's EX_SOFTWARE), distinct from a failing check or test. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
