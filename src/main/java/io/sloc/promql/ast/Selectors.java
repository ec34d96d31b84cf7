package io.sloc.promql.ast;

import java.util.ArrayList;
import java.util.List;

/** Every vector selector in an expression, in source order (those inside range selectors and subqueries too). */
public final class Selectors extends DescendingVisitor {
    private final List<VectorSelector> found = new ArrayList<>();

    private Selectors() {
    }

    public static List<VectorSelector> in(Expr expr) {
        Selectors visitor = new Selectors();
        expr.accept(visitor);
        return List.copyOf(visitor.found);
    }

    @Override
    public Void visitVectorSelector(VectorSelector node) {
        found.add(node);
        return null;
    }
}
