package io.sloc.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.parser.PromqlParser;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.storage.StaleMarker;
import io.sloc.promql.storage.StorageException;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Matrix;
import io.sloc.promql.value.Sample;
import io.sloc.promql.value.Scalar;
import io.sloc.promql.value.Series;
import io.sloc.promql.value.Value;
import io.sloc.promql.value.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Subquery steps kept across queries against evaluating every step afresh: on seeded random series and random
 * subqueries (nested, offset, {@code @}, scalar-producing and annotating inner expressions), queried at advancing
 * times as the rule-test runner queries them, with samples written between queries — at the query time like
 * recording rules, and earlier like rules with a query offset — both engines give the same results bit for bit
 * (raw bits of every value), the same annotations and the same errors.
 */
class SubqueryCacheTest {
    /** Go's math.NaN(), whose bits differ from Java's Double.NaN. */
    private static final double GO_NAN = Double.longBitsToDouble(0x7ff8000000000001L);
    private static final String[] TEMPLATES = {
        "avg_over_time((m or on() vector(100))[R:S])",
        "sum_over_time((m > 0.5)[R:])",
        "max_over_time(rate(c_total[2m])[R:S])",
        "min_over_time(sum by (job) (m)[R:S] offset 3m)",
        "avg_over_time(max_over_time(m[R:S])[R:S])",
        "count_over_time(m[R:S] @ 1200)",
        "sum_over_time((m @ 1200)[R:S])",
        "sum_over_time((m offset -2m)[R:S])",
        "last_over_time(timestamp(m)[R:S])",
        "max_over_time(vector(time())[R:S])",
        "stddev_over_time(rec[R:S])",
        "quantile_over_time(0.5, (rec + on(job) group_left m)[R:S])",
        "max_over_time(sort(m)[R:S])",
        "max_over_time(sort_desc(m)[1m:1m])",
        "sum_over_time(rate(m[5m])[R:S])",
        "sum_over_time((m / on(job) m{job=\"a\"})[R:S])",
        "sum_over_time((c_total + on() m)[R:S])",
    };

    @Test
    void keptStepsGiveTheResultsOfFreshEvaluationBitForBit() {
        SplittableRandom seeds = new SplittableRandom(20261207);
        int compared = 0;
        int errors = 0;
        int annotated = 0;
        for (int run = 0; run < 240; run++) {
            SplittableRandom rnd = seeds.split();
            PromqlProfile profile = run % 2 == 0 ? PromqlProfile.V2_42 : PromqlProfile.V3_14;
            String query = randomQuery(rnd);
            Expr expr = PromqlParser.parse(query, profile);
            EngineOptions options = new EngineOptions(EngineOptions.DEFAULT_LOOKBACK_MS,
                    (1 + rnd.nextInt(3)) * 30_000L, 0, profile);
            Engine cached = new Engine(options, true);
            Engine fresh = new Engine(options, false);
            MemoryStorage storage = new MemoryStorage();
            Inputs inputs = new Inputs(rnd);
            long t = rnd.nextBoolean() ? rnd.nextInt(10) * 60_000L : rnd.nextInt(600_000);
            for (int step = 0; step < 60; step++) {
                inputs.writeUntil(storage, t);
                String where = "run " + run + " " + query + " step " + step + " t=" + t;
                long at = t;
                String want = outcome(() -> fresh.instant(storage, expr, at));
                String got = outcome(() -> cached.instant(storage, expr, at));
                assertThat(got).as(where).isEqualTo(want);
                if (step % 20 == 19) {
                    long end = at;
                    long rangeStep = (1 + rnd.nextInt(4)) * 30_000L;
                    assertThat(outcome(() -> cached.range(storage, expr, end - 40 * rangeStep, end, rangeStep)))
                            .as(where + " range").isEqualTo(outcome(() -> fresh.range(storage, expr,
                                    end - 40 * rangeStep, end, rangeStep)));
                }
                compared++;
                errors += want.startsWith("error") ? 1 : 0;
                annotated += want.contains("PromQL") ? 1 : 0;
                t = nextTime(rnd, t);
            }
        }
        assertThat(compared).isEqualTo(240 * 60);
        assertThat(errors).as("queries that fail").isPositive();
        assertThat(annotated).as("queries that annotate").isPositive();
    }

    @Test
    void keepsOnlySubqueriesReadingNothingAfterTheirSteps() {
        assertThat(SubqueryCache.readsOnlyUpToStep(parse("rate(m[5m]) + m offset 1m"))).isTrue();
        assertThat(SubqueryCache.readsOnlyUpToStep(parse("max_over_time(m[5m:1m] offset 2m)"))).isTrue();
        assertThat(SubqueryCache.readsOnlyUpToStep(parse("m @ 100"))).isFalse();
        assertThat(SubqueryCache.readsOnlyUpToStep(parse("rate(m[5m] offset -1m)"))).isFalse();
        assertThat(SubqueryCache.readsOnlyUpToStep(parse("max_over_time(m[5m:1m] @ end())"))).isFalse();
    }

    private static Expr parse(String query) {
        return PromqlParser.parse(query, PromqlProfile.V3_14);
    }

    private static String randomQuery(SplittableRandom rnd) {
        String template = TEMPLATES[rnd.nextInt(TEMPLATES.length)];
        String[] ranges = {"2m", "5m", "10m", "12m30s", "30m", "1m"};
        String[] steps = {"1m", "30s", "2m", "45s", "5m"};
        return template.replace("R", ranges[rnd.nextInt(ranges.length)])
                .replace("S", steps[rnd.nextInt(steps.length)]);
    }

    /** Mostly the next rule-test step, sometimes a jump ahead or back (a promql_expr_test after the rules). */
    private static long nextTime(SplittableRandom rnd, long t) {
        int kind = rnd.nextInt(20);
        if (kind == 0) {
            return Math.max(0, t - rnd.nextInt(1_200_000));
        }
        if (kind == 1) {
            return t + rnd.nextInt(3_600_000);
        }
        return t + (kind < 12 ? 60_000 : 15_000 + rnd.nextInt(90_000));
    }

    /**
     * Random input: gauges m{job=a|b} (gaps, stale markers, NaN payloads, signed zeros, infinities), a counter
     * c_total with resets, and rec{job=a|b} written when the query time reaches them like a recording rule's
     * output, sometimes behind the query time like a rule group with a query offset.
     */
    private static final class Inputs {
        private final SplittableRandom rnd;
        private final long queryOffsetMs;
        private long writtenUntil = -1;
        private double counter;

        Inputs(SplittableRandom rnd) {
            this.rnd = rnd;
            this.queryOffsetMs = rnd.nextInt(3) == 0 ? 90_000 : 0;
        }

        void writeUntil(MemoryStorage storage, long t) {
            for (long ts = (writtenUntil / 15_000 + 1) * 15_000; ts <= t; ts += 15_000) {
                for (String job : new String[] {"a", "b"}) {
                    if (rnd.nextInt(6) != 0) {
                        storage.append(Labels.of("__name__", "m", "job", job), ts, randomValue());
                    }
                }
                counter = rnd.nextInt(15) == 0 ? rnd.nextInt(5) : counter + rnd.nextInt(10);
                storage.append(Labels.of("__name__", "c_total", "job", "a"), ts, counter);
            }
            long recAt = t - queryOffsetMs;
            if (recAt >= 0 && rnd.nextInt(4) != 0) {
                Labels rec = Labels.of("__name__", "rec", "job", rnd.nextBoolean() ? "a" : "b");
                try {
                    storage.append(rec, recAt, rnd.nextInt(8) == 0 ? StaleMarker.VALUE : rnd.nextDouble() * 10);
                } catch (StorageException notAfterTheLastSample) {
                    // The query time went back: a recording rule's output there is rejected too.
                }
            }
            writtenUntil = Math.max(writtenUntil, t);
        }

        private double randomValue() {
            int kind = rnd.nextInt(30);
            switch (kind) {
                case 0:
                    return GO_NAN;
                case 1:
                    return StaleMarker.VALUE;
                case 2:
                    return -0.0;
                case 3:
                    return Double.POSITIVE_INFINITY;
                default:
                    return rnd.nextDouble() * (kind % 2 == 0 ? 1 : 1e6);
            }
        }
    }

    private interface Query {
        Engine.Result<? extends Value> run();
    }

    /** The result (labels, timestamps, value bits), annotations, or error message, as text. */
    private static String outcome(Query q) {
        Engine.Result<? extends Value> r;
        try {
            r = q.run();
        } catch (PromqlEvalException e) {
            return "error " + e.getMessage();
        }
        List<String> lines = new ArrayList<>();
        Value v = r.value();
        if (v instanceof Scalar s) {
            lines.add("scalar " + s.timestampMs() + " " + bits(s.value()));
        } else if (v instanceof Vector vec) {
            for (Sample s : vec.samples()) {
                lines.add(s.metric() + " " + s.timestampMs() + " " + bits(s.value()));
            }
        } else {
            for (Series s : ((Matrix) v).series()) {
                StringBuilder points = new StringBuilder(s.metric().toString());
                for (int i = 0; i < s.size(); i++) {
                    points.append(' ').append(s.timestamp(i)).append('=').append(bits(s.value(i)));
                }
                lines.add(points.toString());
            }
        }
        for (Annotations.Kind kind : Annotations.Kind.values()) {
            lines.addAll(r.annotations().render(kind, "q"));
        }
        return String.join("\n", lines);
    }

    /**
     * The value's raw bits; a NaN is just NaN: which operand's payload an operation on two NaNs keeps is up to the
     * JIT (C2 may swap the operands of +), so the same evaluation can give either.
     */
    private static String bits(double v) {
        return Double.isNaN(v) ? "NaN" : Long.toHexString(Double.doubleToRawLongBits(v));
    }
}
