package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.storage.SlidingWindow;
import io.sloc.promql.storage.StaleMarker;
import io.sloc.promql.storage.StoredSeries;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Series;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sliding-window evaluation against RangeFunctions' direct evaluation of a copied window, compared bit for bit on
 * seeded random series (counter resets, NaN, infinities, signed zeros, stale markers, gaps) and random sequences of
 * windows (mostly advancing like rule-test steps, sometimes jumping back or ahead), with samples appended between
 * queries as the rule-test runner appends them.
 */
class SlidingWindowFunctionsTest {
    /** Go's math.NaN(), whose bits differ from Java's Double.NaN. */
    private static final double GO_NAN = Double.longBitsToDouble(0x7ff8000000000001L);
    private static final List<LabelMatcher> SELECTOR =
            List.of(new LabelMatcher(LabelMatcher.Type.EQUAL, "__name__", "m"));

    @Test
    void slidingWindowsMatchDirectEvaluationBitForBit() {
        SplittableRandom seeds = new SplittableRandom(20261124);
        int compared = 0;
        int fastPaths = 0;
        for (int run = 0; run < 300; run++) {
            SplittableRandom rnd = seeds.split();
            long[] ts = randomTimestamps(rnd, 50 + rnd.nextInt(400));
            double[] vs = randomValues(rnd, ts.length);
            MemoryStorage storage = new MemoryStorage();
            Labels labels = Labels.of("__name__", "m", "job", "x");
            long rangeMs = (1 + rnd.nextInt(40)) * 15_000L + (rnd.nextInt(4) == 0 ? rnd.nextInt(1000) : 0);
            PromqlProfile profile = run % 2 == 0 ? PromqlProfile.V2_42 : PromqlProfile.V3_14;
            int loaded = 0;
            long t = rnd.nextInt(60_000);
            for (int step = 0; step < 200; step++) {
                while (loaded < ts.length && ts[loaded] <= t + (rnd.nextInt(8) == 0 ? 120_000 : 0)) {
                    storage.append(labels, ts[loaded], vs[loaded]);
                    loaded++;
                }
                if (loaded == 0) {
                    t = nextTime(rnd, t, rangeMs);
                    continue;
                }
                StoredSeries s = storage.select(SELECTOR).get(0);
                long first = profile.rangeWindowFirstTimestamp(t, rangeMs);
                long start = t - rangeMs;
                Series direct = directWindow(s, first, t);
                for (SlidingWindowFunctions.Kind kind : SlidingWindowFunctions.Kind.values()) {
                    if (!kind.supports(profile)) {
                        continue;
                    }
                    SlidingWindow w = s.window(rangeMs);
                    w.moveTo(first, t);
                    assertThat(w.pointCount()).as("points").isEqualTo(direct.size());
                    if (direct.size() == 0) {
                        continue;
                    }
                    double[] got = {Double.MIN_VALUE};
                    double[] want = {Double.MIN_VALUE};
                    boolean gotProduced = SlidingWindowFunctions.compute(kind, w, start, t, rangeMs, profile, got);
                    boolean wantProduced = direct(kind, direct, new RangeArgument(List.of(direct), start, t,
                            rangeMs), profile, want);
                    String where = "run " + run + " step " + step + " t=" + t + " range=" + rangeMs + " " + kind
                            + " window " + direct;
                    assertThat(gotProduced).as(where).isEqualTo(wantProduced);
                    if (wantProduced) {
                        // Bit for bit, except a NaN's payload: which operand's payload an addition keeps differs
                        // between interpreted and compiled code, and no output (nor a stale marker) can tell.
                        assertThat(Double.doubleToLongBits(got[0])).as(where)
                                .isEqualTo(Double.doubleToLongBits(want[0]));
                        compared++;
                    }
                    if (w.staleCount() == 0 && w.resetCount() == 0) {
                        fastPaths++;
                    }
                }
                t = nextTime(rnd, t, rangeMs);
            }
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(fastPaths).as("windows taking the O(1) path").isGreaterThan(compared / 10);
    }

    @Test
    void advancingWindowsNeverSearchAgain() {
        MemoryStorage storage = new MemoryStorage();
        Labels labels = Labels.of("__name__", "m");
        for (int i = 0; i < 1000; i++) {
            storage.append(labels, i * 60_000L, i);
        }
        SlidingWindow w = storage.select(SELECTOR).get(0).window(3_600_000L);
        for (long t = 0; t < 1000 * 60_000L; t += 60_000L) {
            w.moveTo(t - 3_600_000L + 1, t);
        }
        assertThat(w.repositions()).isEqualTo(1);
        assertThat(w.pointCount()).isEqualTo(60);
        w.moveTo(0, 60_000L);
        assertThat(w.repositions()).isEqualTo(2);
        assertThat(w.pointCount()).isEqualTo(2);
    }

    private static boolean direct(SlidingWindowFunctions.Kind kind, Series s, RangeArgument r, PromqlProfile profile,
                                  double[] out) {
        switch (kind) {
            case RATE:
                return RangeFunctions.extrapolatedRate(s, r, true, true, profile, out);
            case INCREASE:
                return RangeFunctions.extrapolatedRate(s, r, true, false, profile, out);
            case DELTA:
                return RangeFunctions.extrapolatedRate(s, r, false, false, profile, out);
            case SUM_OVER_TIME:
                out[0] = RangeFunctions.sumOverTime(s);
                return true;
            case AVG_OVER_TIME:
                out[0] = profile.averagesOverTimeBySumFirst() ? RangeFunctions.avgOverTimeBySumFirst(s)
                        : RangeFunctions.avgOverTime(s);
                return true;
            case COUNT_OVER_TIME:
                out[0] = s.size();
                return true;
            case MIN_OVER_TIME:
                out[0] = RangeFunctions.extremeOverTime(s, false);
                return true;
            case MAX_OVER_TIME:
                out[0] = RangeFunctions.extremeOverTime(s, true);
                return true;
            default:
                out[0] = 1;
                return true;
        }
    }

    /** The window's points as the evaluator copies them for direct evaluation. */
    private static Series directWindow(StoredSeries s, long first, long end) {
        long[] ts = new long[s.size()];
        double[] vs = new double[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.timestamp(i) >= first && s.timestamp(i) <= end && !StaleMarker.is(s.value(i))) {
                ts[n] = s.timestamp(i);
                vs[n++] = s.value(i);
            }
        }
        return new Series(Labels.EMPTY, ts, vs, n);
    }

    private static long nextTime(SplittableRandom rnd, long t, long rangeMs) {
        int r = rnd.nextInt(100);
        if (r < 80) {
            return t + 60_000L; // the usual rule-test step
        }
        if (r < 90) {
            return t + rnd.nextInt(1 + (int) rangeMs);
        }
        if (r < 95) {
            return Math.max(0, t - rnd.nextInt(1 + (int) (2 * rangeMs)));
        }
        return t + rnd.nextInt(5) * rangeMs;
    }

    private static long[] randomTimestamps(SplittableRandom rnd, int n) {
        long[] ts = new long[n];
        long t = rnd.nextInt(30_000);
        for (int i = 0; i < n; i++) {
            ts[i] = t;
            int r = rnd.nextInt(100);
            t += r < 70 ? 60_000 : r < 90 ? 1 + rnd.nextInt(120_000) : r < 97 ? 1 : 600_000 + rnd.nextInt(1_800_000);
        }
        return ts;
    }

    private static double[] randomValues(SplittableRandom rnd, int n) {
        double[] vs = new double[n];
        double counter = rnd.nextInt(3) == 0 ? rnd.nextDouble() * 1e15 : 0;
        boolean messy = rnd.nextInt(3) == 0;
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(1000);
            if (r < 30) {
                counter = rnd.nextDouble() * 10; // reset
            } else {
                counter += rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * (rnd.nextBoolean() ? 1e-3 : 1e6);
            }
            vs[i] = counter;
            if (messy) {
                r = rnd.nextInt(1000);
                if (r < 20) {
                    vs[i] = StaleMarker.VALUE;
                } else if (r < 30) {
                    vs[i] = rnd.nextBoolean() ? Double.NaN : GO_NAN; // payloads tell which NaN a function kept
                } else if (r < 35) {
                    vs[i] = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                } else if (r < 40) {
                    vs[i] = rnd.nextBoolean() ? 0.0 : -0.0;
                } else if (r < 60) {
                    vs[i] = -rnd.nextDouble() * 1e17;
                } else if (r < 65) {
                    vs[i] = (rnd.nextBoolean() ? 1 : -1) * Double.MAX_VALUE / (1 + rnd.nextInt(3)); // sums overflow
                }
            }
        }
        return vs;
    }
}
