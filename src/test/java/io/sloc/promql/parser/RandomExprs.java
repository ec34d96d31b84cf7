package io.sloc.promql.parser;

import io.sloc.promql.PromqlProfile;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AggregationOp;
import io.sloc.promql.ast.AtModifier;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.BinaryOp;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.PositionRange;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.ValueType;
import io.sloc.promql.ast.VectorMatching;
import io.sloc.promql.ast.VectorMatching.Cardinality;
import io.sloc.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random well-typed ASTs, built directly (not parsed), covering every node kind and modifier. */
final class RandomExprs {
    private static final PositionRange P = PositionRange.NONE;
    private static final String[] METRICS = {"foo", "http_requests_total", "job:rate5m:sum", "sum", "by", "offset",
        "start", "end", "without", "count_values"};
    private static final String[] LABELS = {"job", "instance", "le", "by", "on", "offset", "bool", "group_left",
        "atan2", "_x", "Upper9"};
    private static final String[] REGEXES = {".*", "a|b", "(?i)foo.+", "[a-z]{2,3}", "\\d+", "x\\.y", ""};
    private static final BinaryOp[] ARITHMETIC = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV,
        BinaryOp.MOD, BinaryOp.POW, BinaryOp.ATAN2};
    private static final BinaryOp[] COMPARISONS = {BinaryOp.EQL, BinaryOp.NEQ, BinaryOp.LTE, BinaryOp.LSS,
        BinaryOp.GTE, BinaryOp.GTR};
    private static final BinaryOp[] SET_OPS = {BinaryOp.LAND, BinaryOp.LOR, BinaryOp.LUNLESS};
    private static final List<FunctionSignature> FUNCTIONS = List.copyOf(Functions.all(PromqlProfile.V2_42));

    private final Random random;

    RandomExprs(long seed) {
        this.random = new Random(seed);
    }

    Expr of(ValueType type, int depth) {
        switch (type) {
            case SCALAR: return scalar(depth);
            case MATRIX: return matrix(depth);
            case STRING: return string();
            default: return vector(depth);
        }
    }

    Expr vector(int depth) {
        if (depth <= 0 || random.nextInt(5) == 0) {
            return selector();
        }
        switch (random.nextInt(8)) {
            case 0: {
                BinaryOp op = pick(ARITHMETIC, COMPARISONS);
                boolean scalarLeft = random.nextBoolean();
                Expr lhs = scalarLeft ? scalar(depth - 1) : vector(depth - 1);
                Expr rhs = scalarLeft ? vector(depth - 1) : scalar(depth - 1);
                return new BinaryExpr(op, lhs, rhs, null, op.isComparison() && random.nextBoolean(), P);
            }
            case 1:
            case 2:
                return vectorBinary(depth);
            case 3:
                return new UnaryExpr(random.nextBoolean(), vector(depth - 1), P);
            case 4:
                return aggregate(depth);
            case 5:
                return call(depth, ValueType.VECTOR);
            case 6:
                return new ParenExpr(vector(depth - 1), P);
            default:
                return selector();
        }
    }

    private Expr vectorBinary(int depth) {
        BinaryOp op = pick(ARITHMETIC, COMPARISONS, SET_OPS);
        List<String> labels = labels();
        boolean on = random.nextBoolean();
        VectorMatching matching;
        if (op.isSetOperator()) {
            matching = new VectorMatching(Cardinality.MANY_TO_MANY, labels, on, List.of());
        } else if (random.nextInt(3) == 0) {
            Cardinality card = random.nextBoolean() ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
            List<String> include = new ArrayList<>(labels());
            include.removeAll(on ? labels : List.of());
            matching = new VectorMatching(card, labels, on, include);
        } else {
            matching = new VectorMatching(Cardinality.ONE_TO_ONE, labels, on, List.of());
        }
        boolean bool = op.isComparison() && random.nextBoolean();
        return new BinaryExpr(op, vector(depth - 1), vector(depth - 1), matching, bool, P);
    }

    private Expr aggregate(int depth) {
        List<AggregationOp> ops = Arrays.stream(AggregationOp.values()).filter(o -> !o.experimental()).toList();
        AggregationOp op = ops.get(random.nextInt(ops.size())); // those of 2.42
        Expr param = null;
        if (op == AggregationOp.COUNT_VALUES) {
            param = string();
        } else if (op.hasParameter()) {
            param = scalar(depth - 1);
        }
        boolean without = random.nextInt(3) == 0;
        List<String> grouping = without || random.nextBoolean() ? labels() : List.of();
        return new AggregateExpr(op, vector(depth - 1), param, grouping, without, P);
    }

    private Expr call(int depth, ValueType returns) {
        List<FunctionSignature> candidates = new ArrayList<>();
        for (FunctionSignature f : FUNCTIONS) {
            if (f.returnType() == returns) {
                candidates.add(f);
            }
        }
        FunctionSignature f = candidates.get(random.nextInt(candidates.size()));
        int count = f.argTypes().size();
        if (f.variadic() != 0) {
            int extra = f.variadic() < 0 ? 3 : f.variadic();
            count = count - 1 + random.nextInt(extra + 1);
        }
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            args.add(of(f.argTypes().get(Math.min(i, f.argTypes().size() - 1)), depth - 1));
        }
        return new Call(f, args, P);
    }

    Expr scalar(int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return new NumberLiteral(number(), P);
        }
        switch (random.nextInt(5)) {
            case 0: {
                BinaryOp op = pick(ARITHMETIC, COMPARISONS);
                // Comparisons between scalars need bool.
                return new BinaryExpr(op, scalar(depth - 1), scalar(depth - 1), null, op.isComparison(), P);
            }
            case 1:
                return new UnaryExpr(random.nextBoolean(), scalar(depth - 1), P);
            case 2:
                return call(depth, ValueType.SCALAR);
            case 3:
                return new ParenExpr(scalar(depth - 1), P);
            default:
                return new NumberLiteral(number(), P);
        }
    }

    Expr matrix(int depth) {
        if (depth <= 0 || random.nextBoolean()) {
            VectorSelector s = selector();
            return new MatrixSelector(s, duration(), P);
        }
        long step = random.nextBoolean() ? 0 : duration();
        return new SubqueryExpr(vector(depth - 1), duration(), step, offset(), at(), P);
    }

    VectorSelector selector() {
        List<LabelMatcher> matchers = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            LabelMatcher.Type type = LabelMatcher.Type.values()[random.nextInt(4)];
            String value = type == LabelMatcher.Type.REGEX || type == LabelMatcher.Type.NOT_REGEX
                    ? REGEXES[random.nextInt(REGEXES.length)] : text();
            matchers.add(new LabelMatcher(type, LABELS[random.nextInt(LABELS.length)], value));
        }
        String name = null;
        if (random.nextInt(4) > 0) {
            name = METRICS[random.nextInt(METRICS.length)];
            matchers.add(new LabelMatcher(LabelMatcher.Type.EQUAL, "__name__", name));
        } else {
            matchers.add(new LabelMatcher(LabelMatcher.Type.EQUAL, "job", "x" + text()));
        }
        return new VectorSelector(name, matchers, offset(), at(), P);
    }

    private long offset() {
        return random.nextInt(3) == 0 ? (random.nextBoolean() ? -1 : 1) * duration() : 0;
    }

    private AtModifier at() {
        switch (random.nextInt(6)) {
            case 0: return AtModifier.at(random.nextLong() % 10_000_000_000_000L);
            case 1: return new AtModifier(AtModifier.Kind.START, 0);
            case 2: return new AtModifier(AtModifier.Kind.END, 0);
            default: return null;
        }
    }

    private long duration() {
        long[] units = {1, 1000, 60_000, 3_600_000, 86_400_000, 604_800_000, 31_536_000_000L};
        return 1 + Math.abs(random.nextLong() % 5) * units[random.nextInt(units.length)]
                + (random.nextBoolean() ? random.nextInt(100_000) : 0);
    }

    private double number() {
        switch (random.nextInt(8)) {
            case 0: return random.nextInt(100);
            case 1: return -random.nextInt(100);
            case 2: return random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3: return Double.longBitsToDouble(random.nextLong());
            case 4: return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, Double.MAX_VALUE}[random.nextInt(7)];
            default: return Math.round(random.nextGaussian() * 1e6) / 1e3;
        }
    }

    StringLiteral string() {
        return new StringLiteral(text(), P);
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(6)) {
                case 0: out.appendCodePoint("\"'`\\\n\t\u0000\u007f".codePointAt(random.nextInt(8))); break;
                case 1: out.appendCodePoint(0x80 + random.nextInt(0x2000)); break;
                case 2: out.appendCodePoint(0x1F600 + random.nextInt(50)); break;
                default: out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String label = LABELS[random.nextInt(LABELS.length)];
            if (!labels.contains(label)) {
                labels.add(label);
            }
        }
        return labels;
    }

    @SafeVarargs
    private <T> T pick(T[]... groups) {
        T[] group = groups[random.nextInt(groups.length)];
        return group[random.nextInt(group.length)];
    }
}
