package io.sloc.promql.engine;

import io.sloc.promql.ast.DescendingVisitor;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.RangeExtension;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.storage.Queryable;
import io.sloc.promql.storage.WriteWatch;
import io.sloc.promql.value.Value;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A subquery's inner results by inner step, kept across the queries of one storage. Inner steps sit on multiples of
 * the subquery step, so consecutive evaluations (rule-test steps, the steps of a range query) share all but a few:
 * a 12h subquery at 1m, evaluated every minute, computes one new inner step instead of 720.
 *
 * <p>A kept step is the inner expression's value at that time, which depends on nothing but the samples at or
 * before it when no selector below reads later ones ({@code @}, a negative offset, a smoothed range): other
 * subqueries are not cached. Writes to the storage at or before a kept step's time forget it. The steps that raised
 * annotations are not kept, so that evaluating them again raises them again; the engine caches nothing under a
 * sample limit, whose accounting counts every step's samples.
 */
final class SubqueryCache {
    private final WriteWatch writes;
    /** By subquery node; null for those whose steps cannot be kept. */
    private final Map<SubqueryExpr, Steps> bySubquery = new IdentityHashMap<>();

    SubqueryCache(Queryable storage) {
        this.writes = storage.watchWrites();
    }

    /** Before a query: forgets the steps that the samples written since the last query may change. */
    void forgetWritten() {
        long earliest = writes.takeEarliest();
        if (earliest != WriteWatch.NONE) {
            for (Steps steps : bySubquery.values()) {
                if (steps != null) {
                    steps.forgetFrom(earliest);
                }
            }
        }
    }

    /**
     * The kept steps of {@code sq} evaluated every {@code stepMs} with {@code severalSteps} as the evaluator's
     * answer to "several steps?" (functions annotate by it); null if its inner steps cannot be kept.
     */
    Steps steps(SubqueryExpr sq, long stepMs, boolean severalSteps) {
        if (!bySubquery.containsKey(sq)) {
            bySubquery.put(sq, readsOnlyUpToStep(sq.expr()) ? new Steps(stepMs) : null);
        }
        Steps steps = bySubquery.get(sq);
        if (steps == null) {
            return null;
        }
        steps.use(stepMs, severalSteps);
        return steps;
    }

    /** Whether every selector in {@code inner} reads samples at or before the evaluation time only. */
    static boolean readsOnlyUpToStep(Expr inner) {
        boolean[] onlyPast = {true};
        inner.accept(new DescendingVisitor() {
            @Override
            public Void visitVectorSelector(VectorSelector node) {
                onlyPast[0] &= node.at() == null && node.offsetMs() >= 0 && node.extension() != RangeExtension.SMOOTHED;
                return null;
            }

            @Override
            public Void visitSubquery(SubqueryExpr node) {
                onlyPast[0] &= node.at() == null && node.offsetMs() >= 0;
                return super.visitSubquery(node);
            }
        });
        return onlyPast[0];
    }

    /** Inner values at consecutive step times from {@code firstMs}, in a ring; null marks a step not kept. */
    static final class Steps {
        private long stepMs;
        private boolean severalSteps;
        private Value[] ring = new Value[16];
        private int head;
        private int size;
        private long firstMs;

        private Steps(long stepMs) {
            this.stepMs = stepMs;
        }

        private void use(long step, boolean several) {
            if (step != stepMs || several != severalSteps) {
                clear();
                stepMs = step;
                severalSteps = several;
            }
        }

        /** Forgets the steps before {@code windowStartMs}, which the subquery's later evaluations no longer read. */
        void slideTo(long windowStartMs) {
            while (size > 0 && firstMs < windowStartMs) {
                ring[head] = null;
                head = (head + 1) % ring.length;
                size--;
                firstMs += stepMs;
            }
        }

        /** The kept value at {@code tMs}, or null. */
        Value get(long tMs) {
            int i = index(tMs);
            return i >= 0 && i < size ? ring[slot(i)] : null;
        }

        /**
         * Keeps {@code v} (null: not kept) as the value at {@code tMs}: within or just after the kept steps, else
         * instead of them.
         */
        void put(long tMs, Value v) {
            int i = index(tMs);
            if (i < 0 || i > size) {
                clear();
                firstMs = tMs;
                i = 0;
            }
            if (i == size) {
                if (size == ring.length) {
                    grow();
                }
                size++;
            }
            ring[slot(i)] = v;
        }

        /** Forgets the steps at or after {@code tMs}. */
        private void forgetFrom(long tMs) {
            long kept = tMs <= firstMs ? 0 : -Math.floorDiv(firstMs - tMs, stepMs);
            while (size > kept) {
                size--;
                ring[slot(size)] = null;
            }
        }

        /** The position of the step at {@code tMs} counted from the first kept one; -1 if none is kept there. */
        private int index(long tMs) {
            if (size == 0 || tMs < firstMs || (tMs - firstMs) % stepMs != 0 || (tMs - firstMs) / stepMs > size) {
                return -1;
            }
            return (int) ((tMs - firstMs) / stepMs);
        }

        private int slot(int index) {
            return (head + index) % ring.length;
        }

        private void clear() {
            Arrays.fill(ring, null);
            head = 0;
            size = 0;
        }

        private void grow() {
            Value[] bigger = new Value[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[slot(i)];
            }
            ring = bigger;
            head = 0;
        }
    }
}
