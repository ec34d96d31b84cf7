package io.sloc.golang.sort;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code container/heap} and {@code sort.Sort} over a list with a "less" function, ported so that tie order in
 * topk/bottomk/sort matches Prometheus. sort.Sort sorts up to 12 elements by insertion sort; larger inputs use a
 * stable merge sort here (pdqsort's tie order is not reproduced beyond 12 elements).
 *
 * <p>Follows Go 1.19's {@code sort} and {@code container/heap} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoSort {
    public interface Less<T> {
        boolean less(T a, T b);
    }

    private GoSort() {
    }

    public static <T> void sort(List<T> data, Less<T> less) {
        int n = data.size();
        if (n <= 12) {
            for (int i = 1; i < n; i++) {
                for (int j = i; j > 0 && less.less(data.get(j), data.get(j - 1)); j--) {
                    swap(data, j, j - 1);
                }
            }
            return;
        }
        // A hand-written merge sort: "less" may be inconsistent for NaN, which List.sort could reject.
        List<T> copy = new ArrayList<>(data);
        mergeSort(copy, data, 0, n, less);
    }

    /** Sorts src[lo, hi) into dst[lo, hi); both start with the same contents. */
    private static <T> void mergeSort(List<T> src, List<T> dst, int lo, int hi, Less<T> less) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(dst, src, lo, mid, less);
        mergeSort(dst, src, mid, hi, less);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && !less.less(src.get(j), src.get(i)))) {
                dst.set(k, src.get(i++));
            } else {
                dst.set(k, src.get(j++));
            }
        }
    }

    public static <T> void heapPush(List<T> h, T x, Less<T> less) {
        h.add(x);
        up(h, h.size() - 1, less);
    }

    public static <T> T heapPop(List<T> h, Less<T> less) {
        int n = h.size() - 1;
        swap(h, 0, n);
        down(h, 0, n, less);
        return h.remove(n);
    }

    /** container/heap's Fix: restores the heap after element i changed. */
    public static <T> void heapFix(List<T> h, int i, Less<T> less) {
        if (!down(h, i, h.size(), less)) {
            up(h, i, less);
        }
    }

    private static <T> void up(List<T> h, int j, Less<T> less) {
        while (true) {
            int i = (j - 1) / 2; // parent
            if (i == j || !less.less(h.get(j), h.get(i))) {
                break;
            }
            swap(h, i, j);
            j = i;
        }
    }

    private static <T> boolean down(List<T> h, int i0, int n, Less<T> less) {
        int i = i0;
        while (true) {
            int j1 = 2 * i + 1;
            if (j1 >= n || j1 < 0) {
                break;
            }
            int j = j1;
            int j2 = j1 + 1;
            if (j2 < n && less.less(h.get(j2), h.get(j1))) {
                j = j2;
            }
            if (!less.less(h.get(j), h.get(i))) {
                break;
            }
            swap(h, i, j);
            i = j;
        }
        return i > i0;
    }

    private static <T> void swap(List<T> h, int i, int j) {
        T t = h.get(i);
        h.set(i, h.get(j));
        h.set(j, t);
    }
}
