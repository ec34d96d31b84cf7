package io.sloc.dsl.ast;

import io.sloc.diag.SourceLocation;

/** {@code record "hatago:success_rate:5m" `...`}: a plain recording rule, for the series people query by hand. */
public record RecordNode(Located<String> name, PromqlText expr, SourceLocation location) {
}
