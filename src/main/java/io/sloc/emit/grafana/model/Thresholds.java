package io.sloc.emit.grafana.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Absolute thresholds: a base color (value {@code null}, meaning minus infinity) and steps in ascending order.
 * Values are decimals so that a threshold such as 14.4 is written exactly, without float noise.
 */
public record Thresholds(String mode, List<Step> steps) {
    public Thresholds {
        steps = List.copyOf(steps);
        for (int i = 1; i < steps.size(); i++) {
            BigDecimal previous = steps.get(i - 1).value();
            BigDecimal current = steps.get(i).value();
            if (current == null || previous != null && previous.compareTo(current) >= 0) {
                throw new IllegalArgumentException("threshold steps must ascend after the base step: " + steps);
            }
        }
    }

    public static Thresholds base(String color) {
        return new Thresholds("absolute", List.of(new Step(null, color)));
    }

    /** This plus one step starting at {@code value}. */
    public Thresholds then(BigDecimal value, String color) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(value, color));
        return new Thresholds(mode, more);
    }

    public record Step(@JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal value, String color) {
        public Step {
            value = normalized(value);
        }

        /** {@code 6.0} and {@code 6} are the same threshold; write the shortest form. */
        static BigDecimal normalized(BigDecimal value) {
            return value == null ? null : value.stripTrailingZeros();
        }
    }
}
