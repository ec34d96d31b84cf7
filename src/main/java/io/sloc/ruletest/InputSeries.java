package io.sloc.ruletest;

/** An input series: a series selector text and its values in expanding notation, as written. */
public record InputSeries(String series, String values, int line) {
}
