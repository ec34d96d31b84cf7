package io.sloc.promql.ast;

/**
 * A Prometheus 3 duration expression in a range, subquery step or offset ({@code [5m + step()]},
 * {@code offset min_of(range(), 1h)}), in seconds. It is resolved against the query's step and range just before
 * evaluation. A literal keeps whether it was written as a duration ({@code 5m}) or a number ({@code 300}) so that it
 * prints back the same way; {@code wrapped} records parentheses. Unary operators have no {@code lhs}.
 */
public record DurationExpr(Op op, DurationExpr lhs, DurationExpr rhs, double value, boolean wrapped,
                           PositionRange pos) {
    public enum Op {
        NUMBER(""), DURATION(""), STEP("step"), RANGE("range"), MIN_OF("min_of"), MAX_OF("max_of"),
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), POW("^");

        private final String text;

        Op(String text) {
            this.text = text;
        }

        /** The operator symbol or function name as written. */
        public String text() {
            return text;
        }
    }

    /** A number ({@code durationSyntax == false}) or duration literal, in seconds. */
    public static DurationExpr literal(double seconds, boolean durationSyntax, PositionRange pos) {
        return new DurationExpr(durationSyntax ? Op.DURATION : Op.NUMBER, null, null, seconds, false, pos);
    }

    public boolean isLiteral() {
        return op == Op.NUMBER || op == Op.DURATION;
    }

    /** The same node in parentheses; a literal becomes a unary plus expression, as in Prometheus. */
    public DurationExpr inParentheses(PositionRange outer) {
        if (isLiteral()) {
            return new DurationExpr(Op.ADD, null, this, 0, true, outer);
        }
        return new DurationExpr(op, lhs, rhs, value, true, outer);
    }
}
