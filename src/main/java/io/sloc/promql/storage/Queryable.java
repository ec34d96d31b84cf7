package io.sloc.promql.storage;

import io.sloc.promql.ast.LabelMatcher;
import java.util.List;

/** Read access for the engine. */
public interface Queryable {
    /**
     * Series whose labels satisfy every matcher, in {@code labels.Compare} order. Asked for every selector at every
     * evaluation step, so implementations keep their selections rather than match again.
     */
    List<StoredSeries> select(List<LabelMatcher> matchers);

    /** A new watcher of the times of the samples written from now on (clearing counts as writing every time). */
    WriteWatch watchWrites();
}
