package io.sloc.model;

import io.sloc.diag.SourceLocation;

/** A plain recording rule written in the spec ({@code record "hatago:success_rate:5m" `...`}). */
public record RecordingRule(String name, PromqlQuery expr, SourceLocation location) {
}
