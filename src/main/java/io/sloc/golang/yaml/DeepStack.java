package io.sloc.golang.yaml;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * go-yaml accepts collections nested 10,000 deep, and SnakeYAML parses nesting by recursion: a thread's default
 * stack (512 KiB to 8 MiB) overflows long before that, so parsing runs on a thread with room for it.
 */
final class DeepStack {
    /** Reserved, not committed: the memory is only used as deep as the recursion goes. */
    private static final long STACK_BYTES = 1L << 30;

    private DeepStack() {
    }

    static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, "yaml-parser", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing YAML", e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
