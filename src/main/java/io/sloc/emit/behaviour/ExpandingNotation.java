package io.sloc.emit.behaviour;

import io.sloc.golang.strconv.GoFloat;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a series of samples in promtool's expanding notation ({@code a+bxn}, {@code _xn}). A run is only folded into
 * {@code a+bxn} when promtool's expansion (repeated float addition of {@code b}) reproduces every value bit for bit,
 * so the test input is exactly what was simulated.
 */
public final class ExpandingNotation {
    private ExpandingNotation() {
    }

    /** {@code values[i]} is the sample at slot i, or {@code null} for no sample at that slot. */
    public static String format(List<Double> values) {
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            if (values.get(i) == null) {
                int end = i;
                while (end < values.size() && values.get(end) == null) {
                    end++;
                }
                int gaps = end - i;
                items.add(gaps == 1 ? "_" : "_x" + gaps);
                i = end;
                continue;
            }
            int end = arithmeticRunEnd(values, i);
            int steps = end - i;
            if (steps >= 2) {
                items.add(run(values.get(i), values.get(i + 1) - values.get(i), steps));
                i = end + 1;
            } else {
                items.add(number(values.get(i)));
                i++;
            }
        }
        return String.join(" ", items);
    }

    private static String run(double start, double step, int steps) {
        if (step == 0) {
            return number(start) + "x" + steps;
        }
        String sign = step < 0 ? "-" : "+";
        return number(start) + sign + number(Math.abs(step)) + "x" + steps;
    }

    /** The last index of the run starting at {@code start} that promtool's repeated addition reproduces exactly. */
    private static int arithmeticRunEnd(List<Double> values, int start) {
        if (start + 1 >= values.size() || values.get(start + 1) == null) {
            return start;
        }
        double step = Math.abs(values.get(start + 1) - values.get(start));
        if (!Double.isFinite(step) || !Double.isFinite(values.get(start))) {
            return start;
        }
        double signedStep = values.get(start + 1) >= values.get(start) ? step : -step;
        double acc = values.get(start);
        int end = start;
        while (end + 1 < values.size() && values.get(end + 1) != null) {
            double next = acc + signedStep;
            if (Double.doubleToLongBits(next) != Double.doubleToLongBits(values.get(end + 1))) {
                break;
            }
            acc = next;
            end++;
        }
        return end;
    }

    /** A float as promtool's series parser reads it back exactly: Go's shortest plain form ({@code 0.002}, {@code 3}). */
    public static String number(double value) {
        return GoFloat.format(value, 'f', -1);
    }
}
