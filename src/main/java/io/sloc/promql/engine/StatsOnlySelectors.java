package io.sloc.promql.engine;

import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.DescendingVisitor;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.VectorSelector;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The vector selectors of a query whose native histograms Prometheus 3 reads without their buckets
 * (detectHistogramStatsDecoding): those below histogram_count, histogram_sum or histogram_avg with nothing above them
 * that needs buckets — a subquery (its counter reset detection), histogram_quantile(s), histogram_fraction or a trim
 * operator.
 */
final class StatsOnlySelectors extends DescendingVisitor {
    private static final Set<String> STATS_FUNCTIONS = Set.of("histogram_count", "histogram_sum", "histogram_avg");
    private static final Set<String> BUCKET_FUNCTIONS =
            Set.of("histogram_quantile", "histogram_quantiles", "histogram_fraction");

    private final Set<VectorSelector> found = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean belowStatsFunction;
    private boolean bucketsNeeded;

    private StatsOnlySelectors() {
    }

    /** The selectors (by identity: equal selectors may differ in what reads them). */
    static Set<VectorSelector> in(Expr query) {
        StatsOnlySelectors visitor = new StatsOnlySelectors();
        query.accept(visitor);
        return visitor.found;
    }

    private void visitBelow(Expr child, boolean statsFunction, boolean needsBuckets) {
        boolean outerStats = belowStatsFunction;
        boolean outerBuckets = bucketsNeeded;
        belowStatsFunction |= statsFunction;
        bucketsNeeded |= needsBuckets;
        child.accept(this);
        belowStatsFunction = outerStats;
        bucketsNeeded = outerBuckets;
    }

    @Override
    public Void visitVectorSelector(VectorSelector node) {
        if (belowStatsFunction && !bucketsNeeded) {
            found.add(node);
        }
        return null;
    }

    @Override
    public Void visitSubquery(SubqueryExpr node) {
        visitBelow(node.expr(), false, true);
        return null;
    }

    @Override
    public Void visitCall(Call node) {
        String name = node.function().name();
        for (Expr arg : node.args()) {
            visitBelow(arg, STATS_FUNCTIONS.contains(name), BUCKET_FUNCTIONS.contains(name));
        }
        return null;
    }

    @Override
    public Void visitBinary(BinaryExpr node) {
        visitBelow(node.lhs(), false, node.op().isTrim());
        visitBelow(node.rhs(), false, node.op().isTrim());
        return null;
    }
}
