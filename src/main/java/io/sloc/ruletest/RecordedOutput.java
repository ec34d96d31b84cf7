package io.sloc.ruletest;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test file run aside printed, kept to be replayed later in file order: every write and flush on stdout and
 * stderr in the order they happened. Replaying makes the same calls on the real streams, so what reaches them,
 * interleaving of the two included, is what printing directly would have produced. Like picocli's streams, the
 * recording streams flush at every {@code println}.
 */
final class RecordedOutput {
    /** One write to a stream, or a flush of it ({@code text} null). */
    private record Call(boolean toErr, String text) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final PrintWriter out = new PrintWriter(new Recorder(false), true);
    private final PrintWriter err = new PrintWriter(new Recorder(true), true);

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    void replay(PrintWriter realOut, PrintWriter realErr) {
        for (Call call : calls) {
            PrintWriter target = call.toErr() ? realErr : realOut;
            if (call.text() == null) {
                target.flush();
            } else {
                target.write(call.text());
            }
        }
    }

    private final class Recorder extends Writer {
        private final boolean toErr;

        Recorder(boolean toErr) {
            this.toErr = toErr;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            calls.add(new Call(toErr, new String(chars, offset, length)));
        }

        @Override
        public void write(String text, int offset, int length) {
            calls.add(new Call(toErr, text.substring(offset, offset + length)));
        }

        @Override
        public void flush() {
            calls.add(new Call(toErr, null));
        }

        @Override
        public void close() {
        }
    }
}
