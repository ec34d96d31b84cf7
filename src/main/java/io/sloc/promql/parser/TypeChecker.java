package io.sloc.promql.parser;

import io.sloc.promql.PromqlProfile;
import io.sloc.golang.strconv.GoQuote;
import io.sloc.promql.ast.AggregateExpr;
import io.sloc.promql.ast.AggregationOp;
import io.sloc.promql.ast.BinaryExpr;
import io.sloc.promql.ast.Call;
import io.sloc.promql.ast.Expr;
import io.sloc.promql.ast.ExprVisitor;
import io.sloc.promql.ast.FunctionSignature;
import io.sloc.promql.ast.LabelMatcher;
import io.sloc.promql.ast.MatrixSelector;
import io.sloc.promql.ast.NumberLiteral;
import io.sloc.promql.ast.ParenExpr;
import io.sloc.promql.ast.StringLiteral;
import io.sloc.promql.ast.SubqueryExpr;
import io.sloc.promql.ast.UnaryExpr;
import io.sloc.promql.ast.ValueType;
import io.sloc.promql.ast.VectorMatching;
import io.sloc.promql.ast.VectorSelector;
import java.util.List;

/**
 * Prometheus's {@code checkAST}: the same checks in the same order, raising the first error. It also settles
 * vector matching as Prometheus does: none when a side is a scalar, many-to-many for set operators.
 */
final class TypeChecker implements ExprVisitor<Expr> {
    private final String query;
    private final PromqlProfile profile;

    private TypeChecker(String query, PromqlProfile profile) {
        this.query = query;
        this.profile = profile;
    }

    /** The checked expression, with vector matching normalised, by the rules of the profile's version. */
    static Expr check(Expr expr, String query, PromqlProfile profile) {
        return expr.accept(new TypeChecker(query, profile));
    }

    private Expr expectType(Expr node, ValueType want, String context) {
        Expr checked = node.accept(this);
        if (checked.type() != want) {
            throw error(node, "expected type " + want.displayName() + " in " + context + ", got "
                    + checked.type().displayName());
        }
        return checked;
    }

    @Override
    public Expr visitAggregate(AggregateExpr node) {
        Expr expr = expectType(node.expr(), ValueType.VECTOR, "aggregation expression");
        Expr param = node.param();
        if (node.op().selectsSamples() || node.op() == AggregationOp.QUANTILE) {
            param = expectType(param, ValueType.SCALAR, "aggregation parameter");
        } else if (node.op() == AggregationOp.COUNT_VALUES) {
            param = expectType(param, ValueType.STRING, "aggregation parameter");
        }
        return new AggregateExpr(node.op(), expr, param, node.grouping(), node.without(), node.pos());
    }

    @Override
    public Expr visitBinary(BinaryExpr node) {
        Expr lhs = node.lhs().accept(this);
        Expr rhs = node.rhs().accept(this);
        ValueType lt = lhs.type();
        ValueType rt = rhs.type();
        VectorMatching matching = node.matching();
        if (node.returnBool() && !node.op().isComparison()) {
            throw operatorError(node, "bool modifier can only be used on comparison operators");
        }
        if (node.op().isComparison() && !node.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            throw operatorError(node, "comparisons between scalars must use BOOL modifier");
        }
        if (matching != null && matching.on()) {
            for (String label : matching.labels()) {
                if (matching.include().contains(label)) {
                    throw operatorError(node, "label " + GoQuote.quote(label) + " must not occur in ON and GROUP clause at once");
                }
            }
        }
        if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
            throw error(node.lhs(), "binary expression must contain only scalar and instant vector types");
        }
        if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
            throw error(node.rhs(), "binary expression must contain only scalar and instant vector types");
        }
        if ((lt != ValueType.VECTOR || rt != ValueType.VECTOR) && matching != null) {
            if (!matching.labels().isEmpty()) {
                throw error(node, "vector matching only allowed between instant vectors");
            }
            if (matching.fills()) {
                throw error(node, "filling in missing series only allowed between instant vectors");
            }
            matching = null;
        } else if (node.op().isSetOperator()) {
            if (matching.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY
                    || matching.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE) {
                throw error(node, "no grouping allowed for " + GoQuote.quote(node.op().text()) + " operation");
            }
            if (matching.fills()) {
                throw error(node, "filling in missing series not allowed for set operators");
            }
            matching = matching.withCardinality(VectorMatching.Cardinality.MANY_TO_MANY);
        }
        if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && node.op().isSetOperator()) {
            throw error(node, "set operator " + GoQuote.quote(node.op().text()) + " not allowed in binary scalar expression");
        }
        return new BinaryExpr(node.op(), lhs, rhs, matching, node.returnBool(), node.pos());
    }

    @Override
    public Expr visitCall(Call node) {
        FunctionSignature f = node.function();
        int declared = f.argTypes().size();
        int given = node.args().size();
        String name = GoQuote.quote(f.name());
        if (f.variadic() == 0) {
            if (declared != given) {
                throw error(node, "expected " + declared + " argument(s) in call to " + name + ", got " + given);
            }
        } else {
            int required = declared - 1;
            if (required > given) {
                throw error(node, "expected at least " + required + " argument(s) in call to " + name + ", got " + given);
            }
            int max = required + f.variadic();
            if (f.variadic() > 0 && max < given) {
                throw error(node, "expected at most " + max + " argument(s) in call to " + name + ", got " + given);
            }
        }
        Expr[] args = new Expr[given];
        for (int i = 0; i < given; i++) {
            int typeIndex = Math.min(i, declared - 1);
            if (f.name().equals("info") && i == 1) {
                args[i] = infoLabelSelector(node, node.args().get(i));
                continue;
            }
            args[i] = expectType(node.args().get(i), f.argTypes().get(typeIndex), "call to function " + name);
        }
        return new Call(f, List.of(args), node.pos());
    }

    /** info()'s second argument: label matchers only, which may all match the empty string. */
    private Expr infoLabelSelector(Call call, Expr arg) {
        if (arg.type() != ValueType.VECTOR) {
            throw error(call, "expected type " + ValueType.VECTOR.displayName() + " in call to function "
                    + GoQuote.quote(call.function().name()) + ", got " + arg.type().displayName());
        }
        if (!(arg instanceof VectorSelector vs)) {
            throw error(arg, "expected label selectors only");
        }
        if (vs.name() != null) {
            throw error(arg, "expected label selectors only, got vector selector instead");
        }
        return arg;
    }

    @Override
    public Expr visitParen(ParenExpr node) {
        return new ParenExpr(node.expr().accept(this), node.pos());
    }

    @Override
    public Expr visitUnary(UnaryExpr node) {
        Expr operand = node.expr().accept(this);
        if (operand.type() != ValueType.SCALAR && operand.type() != ValueType.VECTOR) {
            throw error(node, "unary expression only allowed on expressions of type scalar or instant vector, got "
                    + GoQuote.quote(operand.type().displayName()));
        }
        return new UnaryExpr(node.negate(), operand, node.pos());
    }

    @Override
    public Expr visitSubquery(SubqueryExpr node) {
        Expr inner = node.expr().accept(this);
        if (inner.type() != ValueType.VECTOR) {
            throw error(node, "subquery is only allowed on instant vector, got " + internalTypeName(inner.type())
                    + " instead");
        }
        return node.withExpr(inner, node.pos());
    }

    /** Prometheus's ValueType strings (not the documented names) used in the subquery message. */
    private static String internalTypeName(ValueType type) {
        switch (type) {
            case MATRIX: return "matrix";
            case VECTOR: return "vector";
            case SCALAR: return "scalar";
            default: return "string";
        }
    }

    @Override
    public Expr visitMatrixSelector(MatrixSelector node) {
        node.selector().accept(this);
        return node;
    }

    @Override
    public Expr visitVectorSelector(VectorSelector node) {
        List<LabelMatcher> matchers = node.matchers();
        if (node.name() != null) {
            for (LabelMatcher m : matchers.subList(0, matchers.size() - 1)) {
                if (m.name().equals("__name__")) {
                    throw error(node, "metric name must not be set twice: " + GoQuote.quote(node.name()) + " or "
                            + GoQuote.quote(m.value()));
                }
            }
            return node;
        }
        for (LabelMatcher m : matchers) {
            if (!m.matches("")) {
                return node;
            }
        }
        throw error(node, "vector selector must contain at least one non-empty matcher");
    }

    @Override
    public Expr visitNumber(NumberLiteral node) {
        return node;
    }

    @Override
    public Expr visitString(StringLiteral node) {
        return node;
    }

    /** Errors about the operator itself point at it, as Prometheus's opRange does. */
    private QueryError operatorError(BinaryExpr node, String message) {
        int start = node.lhs().pos().end();
        while (start < query.length() && Character.isWhitespace(query.charAt(start))) {
            start++;
        }
        return new QueryError(start, start + node.op().text().length(), message);
    }

    private static QueryError error(Expr node, String message) {
        return new QueryError(node.pos().start(), node.pos().end(), message);
    }
}
