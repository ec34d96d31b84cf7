package io.sloc.promql.ast;

import java.util.regex.Pattern;

/** Compiles RE2-syntax regexes (Go's regexp) to java.util.regex, anchored as Prometheus anchors them. */
public final class Re2 {
    private Re2() {
    }

    public static Pattern compileAnchored(String re2) {
        return Pattern.compile("^(?:" + re2 + ")$");
    }
}
