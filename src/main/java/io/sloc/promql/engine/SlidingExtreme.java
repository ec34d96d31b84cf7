package io.sloc.promql.engine;

import io.sloc.promql.storage.SlidingWindow;
import io.sloc.promql.storage.StaleMarker;
import io.sloc.promql.storage.StoredSeries;

/**
 * max_over_time or min_over_time of a sliding window in amortised O(1) per step: a monotonic deque of sample indices
 * whose values never increase (for max) from front to back. Equal values stay queued, so the front is the
 * earliest of the extreme values, which is what RangeFunctions' scan returns (its {@code v > r} keeps the first of
 * equals: 0 and -0 differ in bits). NaN points never enter: the scan skips them once it holds a number, and
 * returns the window's last NaN when every point is NaN.
 */
final class SlidingExtreme {
    private final boolean max;
    private int[] queue = new int[16];
    private int head;
    private int tail;
    /** The deque covers the window's samples up to this index; -1 before the first use. */
    private int from = -1;
    private int to = -1;
    private int lastNaN = -1;

    SlidingExtreme(boolean max) {
        this.max = max;
    }

    /** The extreme of the window's points; the window must hold at least one point. */
    double value(SlidingWindow w) {
        StoredSeries s = w.series();
        if (w.from() < from || w.to() < to) {
            head = 0; // moved backwards: start over
            tail = 0;
            to = w.from() - 1;
            lastNaN = -1;
        }
        from = w.from();
        while (head < tail && queue[head] < from) {
            head++;
        }
        for (int i = Math.max(to + 1, from); i <= w.to(); i++) {
            double v = s.value(i);
            if (StaleMarker.is(v)) {
                continue;
            }
            if (Double.isNaN(v)) {
                lastNaN = i;
                continue;
            }
            while (head < tail && (max ? s.value(queue[tail - 1]) < v : s.value(queue[tail - 1]) > v)) {
                tail--;
            }
            push(i);
        }
        to = w.to();
        if (head < tail) {
            return s.value(queue[head]);
        }
        return s.value(lastNaN); // only NaN points in the window
    }

    private void push(int index) {
        if (tail == queue.length) {
            int live = tail - head;
            int[] target = live * 2 > queue.length ? new int[queue.length * 2] : queue;
            System.arraycopy(queue, head, target, 0, live);
            queue = target;
            head = 0;
            tail = live;
        }
        queue[tail++] = index;
    }
}
