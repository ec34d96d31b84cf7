package io.sloc.promql.ast;

/** Binary operators with Prometheus's precedence (higher binds tighter); only {@code ^} is right-associative. */
public enum BinaryOp {
    LOR("or", 1), LAND("and", 2), LUNLESS("unless", 2),
    EQL("==", 3), NEQ("!=", 3), LTE("<=", 3), LSS("<", 3), GTE(">=", 3), GTR(">", 3),
    /** Prometheus 3's trim operators on native histograms: keep the observations below / above a bound. */
    TRIM_UPPER("</", 3), TRIM_LOWER(">/", 3),
    ADD("+", 4), SUB("-", 4),
    MUL("*", 5), DIV("/", 5), MOD("%", 5), ATAN2("atan2", 5),
    POW("^", 6);

    private final String text;
    private final int precedence;

    BinaryOp(String text, int precedence) {
        this.text = text;
        this.precedence = precedence;
    }

    public String text() {
        return text;
    }

    public int precedence() {
        return precedence;
    }

    public boolean isRightAssociative() {
        return this == POW;
    }

    public boolean isComparison() {
        return precedence == 3 && !isTrim();
    }

    public boolean isTrim() {
        return this == TRIM_UPPER || this == TRIM_LOWER;
    }

    public boolean isSetOperator() {
        return this == LOR || this == LAND || this == LUNLESS;
    }
}
