package io.sloc.ruletest;

import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.DescendingVisitor;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.VectorSelector;
import io.sloc.promql.storage.MemoryStorage;
import io.sloc.promql.value.Labels;
import io.sloc.promql.value.Sample;
import io.sloc.rules.RuleGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * The queries of the rules that read input series only, run ahead of a long test's step loop on a second thread,
 * over a second storage loaded with those series step by step as the loop loads them: such a query's result depends
 * on nothing the loop writes, so it is the result the loop would compute (same samples, same engine, same options),
 * and the loop takes it instead of querying. The loop then evaluates the other rules and writes every rule's output
 * while this thread queries: two cores on a week of 1-minute steps. A rule stays on the loop when a selector of its
 * query has no metric name, or names a recorded series, ALERTS or ALERTS_FOR_STATE, or when it calls info() (which
 * reads series it does not name). Whenever no result is at hand (the thread failed or was stopped), the loop queries
 * itself, which gives the same result.
 */
final class QueriesAhead implements AutoCloseable {
    /** Fewer steps do not pay for the thread and the second copy of the input. */
    static final int MIN_STEPS = 1_000;
    /** At most this many input samples are loaded a second time (16 bytes each). */
    private static final long MAX_COPIED_SAMPLES = 4_000_000;
    private static final int FIRST_BATCH = 8;
    private static final int MAX_BATCH = 256;
    private static final int BATCHES_AHEAD = 16;
    private static final Set<String> ALERT_SERIES = Set.of("ALERTS", "ALERTS_FOR_STATE");

    /** One step's results, by slot: a {@code List<Sample>}, or what the query threw. */
    private record Step(long tsMs, Object[] results) {
    }

    /** A rule whose query runs ahead, with what the thread needs to run it. */
    private record AheadRule(RuleState rule, Expr query, long queryOffsetMs) {
    }

    private final Map<RuleState, Integer> slots = new IdentityHashMap<>();
    /** Batches of consecutive steps; an empty batch ends them. */
    private final BlockingQueue<List<Step>> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private List<Step> batch = List.of();
    private int nextInBatch;
    private boolean ended;

    private QueriesAhead(List<AheadRule> rules, InputSeriesLoader input, Querier querier, MemoryStorage storage,
                         long startMs, long maxMs, long stepMs) {
        for (int i = 0; i < rules.size(); i++) {
            slots.put(rules.get(i).rule(), i);
        }
        thread = new Thread(() -> run(rules, input, querier, storage, startMs, maxMs, stepMs), "sloc-queries-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts running ahead the queries of {@code rules} that read input series only, for the steps from {@code startMs}
     * to {@code maxMs}; null when none does, or the test is too short, or the machine has one core.
     *
     * @param rules      the rules with their groups, in evaluation order
     * @param newQuerier a querier with the loop's options over another storage
     */
    static QueriesAhead start(Map<RuleState, RuleGroup> rules, InputSeriesLoader input, Querier loopQuerier,
                              Function<MemoryStorage, Querier> newQuerier, long startMs, long maxMs,
                              long stepMs, int minSteps) {
        if (stepMs <= 0 || (maxMs - startMs) / stepMs + 1 < minSteps
                || Runtime.getRuntime().availableProcessors() < 2 || input.rejectsSome()) {
            return null;
        }
        Set<String> recorded = new HashSet<>(ALERT_SERIES);
        rules.keySet().forEach(r -> recorded.add(r.rule().name()));
        List<AheadRule> ahead = new ArrayList<>();
        Set<String> read = new HashSet<>();
        for (Map.Entry<RuleState, RuleGroup> e : rules.entrySet()) {
            Expr query;
            try {
                query = e.getKey().query(loopQuerier);
            } catch (Querier.QueryException unparsable) {
                continue; // the loop reports it
            }
            Set<String> names = inputNamesRead(query, recorded);
            if (names != null) {
                read.addAll(names);
                ahead.add(new AheadRule(e.getKey(), query, e.getValue().queryOffsetMs()));
            }
        }
        if (ahead.isEmpty()) {
            return null;
        }
        InputSeriesLoader copy = input.named(read);
        if (copy.sampleCount() > MAX_COPIED_SAMPLES) {
            return null;
        }
        MemoryStorage storage = new MemoryStorage();
        return new QueriesAhead(ahead, copy, newQuerier.apply(storage), storage, startMs, maxMs, stepMs);
    }

    /**
     * The metric names of the input series {@code query} reads, or null when it may read a series outside them: a
     * recorded one (named in {@code recorded}), one it does not name, or info()'s.
     */
    static Set<String> inputNamesRead(Expr query, Set<String> recorded) {
        Set<String> names = new HashSet<>();
        boolean[] other = {false};
        query.accept(new DescendingVisitor() {
            @Override
            public Void visitVectorSelector(VectorSelector node) {
                String name = null;
                for (LabelMatcher m : node.matchers()) {
                    if (m.type() == LabelMatcher.Type.EQUAL && m.name().equals(Labels.METRIC_NAME)) {
                        name = m.value();
                    }
                }
                if (name == null || recorded.contains(name)) {
                    other[0] = true;
                } else {
                    names.add(name);
                }
                return null;
            }

            @Override
            public Void visitCall(Call node) {
                if (node.function().name().equals("info")) {
                    other[0] = true;
                }
                return super.visitCall(node);
            }
        });
        return other[0] ? null : names;
    }

    /**
     * {@code rule}'s query result at step {@code tsMs} when it was run ahead, waiting for it if need be; null when the
     * rule is not run ahead or its result is not at hand (then the caller queries itself).
     *
     * @throws Querier.QueryException as the query did
     */
    List<Sample> result(RuleState rule, long tsMs) throws Querier.QueryException {
        Integer slot = slots.get(rule);
        if (slot == null) {
            return null;
        }
        Step step = step(tsMs);
        if (step == null) {
            return null;
        }
        Object result = step.results()[slot];
        if (result instanceof Querier.QueryException e) {
            throw e;
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        if (result instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<Sample> samples = (List<Sample>) result;
        return samples;
    }

    /** The step at {@code tsMs}, skipping earlier ones (the loop asks in time order); null when there is none. */
    private Step step(long tsMs) {
        while (!ended) {
            if (nextInBatch == batch.size()) {
                try {
                    batch = batches.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ended = true;
                    return null;
                }
                nextInBatch = 0;
                ended = batch.isEmpty();
                continue;
            }
            Step step = batch.get(nextInBatch);
            if (step.tsMs() > tsMs) {
                return null;
            }
            if (step.tsMs() == tsMs) {
                return step;
            }
            nextInBatch++;
        }
        return null;
    }

    private void run(List<AheadRule> rules, InputSeriesLoader input, Querier querier, MemoryStorage storage,
                     long startMs, long maxMs, long stepMs) {
        List<Step> pending = new ArrayList<>();
        int batchSize = FIRST_BATCH;
        try {
            for (long ts = startMs; ts <= maxMs && !closed; ts += stepMs) {
                input.loadUntil(storage, ts);
                Object[] results = new Object[rules.size()];
                for (int i = 0; i < results.length; i++) {
                    AheadRule r = rules.get(i);
                    results[i] = query(querier, r.query(), ts - r.queryOffsetMs());
                }
                pending.add(new Step(ts, results));
                if (pending.size() == batchSize) {
                    batches.put(pending);
                    pending = new ArrayList<>();
                    batchSize = Math.min(MAX_BATCH, batchSize * 2);
                }
                if (ts > Long.MAX_VALUE - stepMs) {
                    break;
                }
            }
            if (!pending.isEmpty()) {
                batches.put(pending);
            }
            batches.put(List.of());
        } catch (InterruptedException stopped) {
            // closed by the loop
        } catch (RuntimeException | Error e) {
            // Not a query's failure (those are results): the loop queries the rest itself.
            batches.clear();
            batches.offer(List.of());
        }
    }

    private static Object query(Querier querier, Expr query, long tMs) {
        try {
            return querier.query(query, tMs);
        } catch (Querier.QueryException | RuntimeException | StackOverflowError e) {
            return e;
        }
    }

    /** Stops the thread (the loop may end early, at a failing rule). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
