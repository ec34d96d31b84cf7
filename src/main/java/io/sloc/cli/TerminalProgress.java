package io.sloc.cli;

import io.sloc.diag.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One self-rewriting line on stderr for work that takes longer than a second: {@code sloc test: 3/9 files,
 * simulated 2h10m of 1d, about 12s left}. Only on a terminal (the launchers tell: {@value #TERMINAL_PROPERTY}) and
 * never under CI; the line is wiped before regular output and at the end, so no output ever contains it.
 */
final class TerminalProgress implements Progress {
    /** Set to {@code true} by {@code bin/sloc} and {@code ./sloc} when stderr is a terminal ({@code [ -t 2 ]}). */
    static final String TERMINAL_PROPERTY = "sloc.stderr.terminal";
    private static final long QUIET_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();
    private static final String WIPE = "\r\u001b[K";

    private final String command;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private long startedAt;
    private volatile long nextDrawAt = Long.MAX_VALUE;
    private int units;
    private String unitName = "";
    private int done;
    private long reachedMs;
    private long totalMs;
    private boolean shown;

    TerminalProgress(String command, PrintWriter err, LongSupplier nanoTime) {
        this.command = command;
        this.err = err;
        this.nanoTime = nanoTime;
    }

    /** Progress of {@code sloc COMMAND} on {@code err} when it is a terminal and {@code CI} is unset; else none. */
    static Progress forStderr(String command, PrintWriter err, boolean terminal, Map<String, String> environment) {
        String ci = environment.get("CI");
        return terminal && (ci == null || ci.isEmpty()) ? new TerminalProgress(command, err, System::nanoTime)
                : Progress.NONE;
    }

    /** {@link #forStderr} for this process: its stderr, as the launcher saw it, and its environment. */
    static Progress forStderr(String command, PrintWriter err) {
        return forStderr(command, err, Boolean.getBoolean(TERMINAL_PROPERTY), System.getenv());
    }

    @Override
    public synchronized void start(int units, String unitName) {
        this.units = units;
        this.unitName = unitName;
        startedAt = nanoTime.getAsLong();
        nextDrawAt = startedAt + QUIET_NANOS;
    }

    @Override
    public synchronized void unitDone() {
        done++;
        reachedMs = 0;
        totalMs = 0;
        maybeDraw();
    }

    @Override
    public void simulated(long reachedMs, long totalMs) {
        if (nanoTime.getAsLong() < nextDrawAt) {
            return; // the common case, without taking the lock: called at every evaluation step
        }
        synchronized (this) {
            this.reachedMs = reachedMs;
            this.totalMs = totalMs;
            maybeDraw();
        }
    }

    @Override
    public synchronized void printing(Runnable print) {
        wipe();
        print.run();
    }

    @Override
    public synchronized void finish() {
        wipe();
        nextDrawAt = Long.MAX_VALUE;
    }

    private void maybeDraw() {
        long now = nanoTime.getAsLong();
        if (now < nextDrawAt) {
            return;
        }
        err.print(WIPE + line(now));
        err.flush();
        shown = true;
        nextDrawAt = now + REDRAW_NANOS;
    }

    private String line(long now) {
        StringBuilder line = new StringBuilder("sloc ").append(command).append(": ").append(done).append('/')
                .append(units).append(' ').append(unitName);
        double current = totalMs > 0 ? Math.min(1.0, (double) reachedMs / totalMs) : 0;
        if (totalMs > 0) {
            line.append(", simulated ").append(human(reachedMs)).append(" of ").append(human(totalMs));
        }
        double fraction = units == 0 ? 0 : (done + current) / units;
        if (fraction > 0) {
            long leftMs = (long) ((now - startedAt) / 1e6 * (1 - fraction) / fraction);
            line.append(", about ").append(human(Math.max(leftMs / 1000 * 1000, 1000))).append(" left");
        }
        return line.toString();
    }

    private void wipe() {
        if (shown) {
            err.print(WIPE);
            err.flush();
            shown = false;
        }
    }

    /** {@code 2h10m}, {@code 1d}, {@code 45s}: the largest units, whole seconds. */
    static String human(long ms) {
        long seconds = ms / 1000;
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long[] sizes = {86400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(seconds / sizes[i]).append(names[i]);
                seconds %= sizes[i];
            }
        }
        return text.toString();
    }
}
