package io.sloc.emit.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Axis ticks at round values. */
final class Ticks {
    /** Tick spacings tried in order: the first giving at most {@link #MOST} ticks is used. */
    private static final double[] SPACINGS = {0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720};
    private static final int MOST = 10;

    private Ticks() {
    }

    /** Ticks between {@code min} and {@code max} at the first round spacing that keeps them few, each value
     *  followed by {@code suffix}. */
    static List<SvgChart.Tick> linear(double min, double max, String suffix) {
        double spacing = SPACINGS[SPACINGS.length - 1];
        for (double candidate : SPACINGS) {
            if ((max - min) / candidate <= MOST) {
                spacing = candidate;
                break;
            }
        }
        List<SvgChart.Tick> ticks = new ArrayList<>();
        for (long i = (long) Math.ceil(min / spacing); i * spacing <= max; i++) {
            double value = i * spacing;
            ticks.add(new SvgChart.Tick(value, BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                    + suffix));
        }
        return ticks;
    }

    /** A tick at every power of ten from {@code bottom} to {@code top}, written as percentages. */
    static List<SvgChart.Tick> decades(double bottom, double top) {
        List<SvgChart.Tick> ticks = new ArrayList<>();
        for (int exponent = (int) Math.round(Math.log10(bottom)); exponent <= Math.round(Math.log10(top));
             exponent++) {
            ticks.add(new SvgChart.Tick(Math.pow(10, exponent), Format.percent(BigDecimal.ONE.scaleByPowerOfTen(
                    exponent))));
        }
        return ticks;
    }
}
