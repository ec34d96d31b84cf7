package io.sloc.golang.fmt;

import java.util.TreeMap;

/**
 * A Go {@code map[string]interface{}}; plain Java maps stand for {@code map[string]string}.
 *
 * <p>Follows Go 1.19's {@code map[string]interface{}} as {@code fmt} and {@code text/template} see it (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoInterfaceMap extends TreeMap<String, Object> {
    private static final long serialVersionUID = 1L;
}
