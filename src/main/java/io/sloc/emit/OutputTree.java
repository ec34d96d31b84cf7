package io.sloc.emit;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The files one compile produces, in memory: relative path ({@code /}-separated) → bytes, sorted by path.
 * Emitters add to it; only {@code io.sloc.pipeline.OutputWriter} touches the disk.
 */
public final class OutputTree {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    private final SortedMap<String, byte[]> files = new TreeMap<>();

    /** @throws IllegalStateException when two emitters claim the same path (a bug, not bad input) */
    public void add(String path, byte[] content) {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            throw new IllegalArgumentException("not a safe relative output path: " + path);
        }
        if (files.putIfAbsent(path, content.clone()) != null) {
            throw new IllegalStateException("two emitters write " + path);
        }
    }

    /** Adds UTF-8 text. */
    public void add(String path, String text) {
        add(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds every file of {@code other}. */
    public void addAll(OutputTree other) {
        other.files.forEach(this::add);
    }

    /** Read-only view, sorted by path. */
    public SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }
}
