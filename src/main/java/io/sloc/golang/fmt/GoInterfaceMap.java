package io.sloc.golang.fmt;

import java.util.TreeMap;

/** A Go {@code map[string]interface{}}; plain Java maps stand for {@code map[string]string}. */
public final class GoInterfaceMap extends TreeMap<String, Object> {
    private static final long serialVersionUID = 1L;
}
