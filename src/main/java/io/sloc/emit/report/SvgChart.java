package io.sloc.emit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart written as inline SVG: lines over an x and a y axis (the y axis linear or logarithmic),
 * labelled horizontal reference lines, and rows of interval bands under the plot. Every element carries its text
 * ({@code <title>}, {@code <desc>}, a legend, axis labels with units), so the chart reads without colour and in
 * print; colours come from the Okabe-Ito palette, and lines also differ by dash pattern.
 */
final class SvgChart {
    /** The Okabe-Ito colour-blind-safe palette, black first and the pale yellow last (low contrast on white). */
    static final String[] PALETTE = {"#000000", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442"};
    private static final String FIRING = "#D55E00";
    private static final String[] DASHES = {"", "6 3", "2 2", "8 3 2 3", "1 3", "10 4", "4 2 1 2", "3 3"};
    private static final int WIDTH = 820;
    private static final int LEFT = 78;
    private static final int RIGHT = 250;
    private static final int TOP = 16;
    private static final int PLOT_HEIGHT = 260;
    private static final int AXIS_SPACE = 46;
    private static final int BAND_ROW = 20;

    /** An axis: {@code label} names the quantity and its unit; ticks at the given values with the given texts. */
    record Axis(String label, double min, double max, boolean logarithmic, List<Tick> ticks) {
    }

    record Tick(double value, String text) {
    }

    /** One interval of a band row, {@code strong} for the firing state (drawn solid), else pending (hatched). */
    record Band(double from, double to, boolean strong) {
    }

    private record Line(String name, double[] xs, double[] ys, int style) {
    }

    private record Reference(String name, double y, int style) {
    }

    private record BandRow(String name, List<Band> bands) {
    }

    private final String id;
    private final String title;
    private final String description;
    private final Axis x;
    private final Axis y;
    private final List<Line> lines = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<BandRow> bandRows = new ArrayList<>();
    private String note = "";

    /** A chart whose element ids start with {@code id} (unique in the page). */
    SvgChart(String id, String title, String description, Axis x, Axis y) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.x = x;
        this.y = y;
    }

    /** A line through the points (xs[i], ys[i]); a NaN y leaves a gap. {@code style} picks colour and dash. */
    SvgChart line(String name, double[] xs, double[] ys, int style) {
        lines.add(new Line(name, xs, ys, style));
        return this;
    }

    /** A dashed horizontal line at {@code value} across the plot. */
    SvgChart reference(String name, double value, int style) {
        references.add(new Reference(name, value, style));
        return this;
    }

    /** A row of bands under the plot, named on its left. */
    SvgChart bandRow(String name, List<Band> bands) {
        bandRows.add(new BandRow(name, List.copyOf(bands)));
        return this;
    }

    /** A sentence written over the plot (for a chart whose lines are empty on purpose). */
    SvgChart note(String text) {
        note = text;
        return this;
    }

    String render() {
        int plotRight = WIDTH - RIGHT;
        int bandsTop = TOP + PLOT_HEIGHT + AXIS_SPACE;
        int height = bandsTop + bandRows.size() * BAND_ROW + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(Html.escape(title)).append("</title>\n");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Html.escape(description)).append("</desc>\n");
        svg.append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\" "
                + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
                + "fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#E69F00\" stroke-width=\"3\"/>"
                + "</pattern><clipPath id=\"").append(id).append("-clip\"><rect x=\"").append(LEFT)
                .append("\" y=\"").append(TOP).append("\" width=\"").append(plotRight - LEFT).append("\" height=\"")
                .append(PLOT_HEIGHT).append("\"/></clipPath></defs>\n");
        svg.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(plotRight - LEFT).append("\" height=\"").append(PLOT_HEIGHT)
                .append("\" fill=\"#ffffff\" stroke=\"#444444\"/>\n");
        axes(svg, plotRight);
        svg.append("<g clip-path=\"url(#").append(id).append("-clip)\">\n");
        for (Reference reference : references) {
            double py = py(reference.y());
            svg.append("<line class=\"threshold\" x1=\"").append(LEFT).append("\" x2=\"").append(plotRight)
                    .append("\" y1=\"").append(num(py)).append("\" y2=\"").append(num(py)).append("\" stroke=\"")
                    .append(colour(reference.style())).append("\" stroke-width=\"1\" stroke-dasharray=\"3 3\"><title>")
                    .append(Html.escape(reference.name())).append("</title></line>\n");
        }
        for (Line line : lines) {
            String path = path(line);
            if (!path.isEmpty()) {
                svg.append("<path class=\"series\" d=\"").append(path).append("\" fill=\"none\" stroke=\"")
                        .append(colour(line.style())).append("\" stroke-width=\"1.8\"")
                        .append(dash(line.style())).append("><title>").append(Html.escape(line.name()))
                        .append("</title></path>\n");
            }
        }
        svg.append("</g>\n");
        if (!note.isEmpty()) {
            svg.append("<text class=\"note\" x=\"").append((LEFT + plotRight) / 2).append("\" y=\"")
                    .append(TOP + PLOT_HEIGHT / 2).append("\" text-anchor=\"middle\" font-size=\"14\">")
                    .append(Html.escape(note)).append("</text>\n");
        }
        legend(svg, plotRight);
        bands(svg, plotRight, bandsTop);
        svg.append("</svg>");
        return svg.toString();
    }

    private void axes(StringBuilder svg, int plotRight) {
        int bottom = TOP + PLOT_HEIGHT;
        for (Tick tick : x.ticks()) {
            double px = px(tick.value());
            svg.append("<line x1=\"").append(num(px)).append("\" x2=\"").append(num(px)).append("\" y1=\"")
                    .append(TOP).append("\" y2=\"").append(bottom + 4).append("\" stroke=\"#dddddd\"/>")
                    .append("<text x=\"").append(num(px)).append("\" y=\"").append(bottom + 17)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(Html.escape(tick.text()))
                    .append("</text>\n");
        }
        for (Tick tick : y.ticks()) {
            double py = py(tick.value());
            svg.append("<line x1=\"").append(LEFT - 4).append("\" x2=\"").append(plotRight).append("\" y1=\"")
                    .append(num(py)).append("\" y2=\"").append(num(py)).append("\" stroke=\"#dddddd\"/>")
                    .append("<text x=\"").append(LEFT - 7).append("\" y=\"").append(num(py + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(Html.escape(tick.text()))
                    .append("</text>\n");
        }
        svg.append("<text class=\"axis-label\" x=\"").append((LEFT + plotRight) / 2).append("\" y=\"")
                .append(bottom + 36).append("\" text-anchor=\"middle\" font-size=\"12\">")
                .append(Html.escape(x.label())).append("</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(16,").append(TOP + PLOT_HEIGHT / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">").append(Html.escape(y.label()))
                .append("</text>\n");
    }

    private void legend(StringBuilder svg, int plotRight) {
        int row = 0;
        for (Line line : lines) {
            int ly = TOP + 8 + row++ * 17;
            svg.append("<g class=\"legend\"><line x1=\"").append(plotRight + 12).append("\" x2=\"")
                    .append(plotRight + 40).append("\" y1=\"").append(ly).append("\" y2=\"").append(ly)
                    .append("\" stroke=\"").append(colour(line.style())).append("\" stroke-width=\"2\"")
                    .append(dash(line.style())).append("/><text x=\"").append(plotRight + 46).append("\" y=\"")
                    .append(ly + 4).append("\" font-size=\"11\">").append(Html.escape(line.name()))
                    .append("</text></g>\n");
        }
        for (Reference reference : references) {
            int ly = TOP + 8 + row++ * 17;
            svg.append("<g class=\"legend\"><line x1=\"").append(plotRight + 12).append("\" x2=\"")
                    .append(plotRight + 40).append("\" y1=\"").append(ly).append("\" y2=\"").append(ly)
                    .append("\" stroke=\"").append(colour(reference.style()))
                    .append("\" stroke-dasharray=\"3 3\"/><text x=\"").append(plotRight + 46).append("\" y=\"")
                    .append(ly + 4).append("\" font-size=\"11\">").append(Html.escape(reference.name()))
                    .append("</text></g>\n");
        }
    }

    private void bands(StringBuilder svg, int plotRight, int top) {
        int row = 0;
        for (BandRow bandRow : bandRows) {
            int by = top + row++ * BAND_ROW;
            svg.append("<g class=\"band-row\"><text x=\"").append(LEFT - 7).append("\" y=\"").append(by + 13)
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(Html.escape(bandRow.name()))
                    .append("</text><rect x=\"").append(LEFT).append("\" y=\"").append(by + 2).append("\" width=\"")
                    .append(plotRight - LEFT).append("\" height=\"").append(BAND_ROW - 4)
                    .append("\" fill=\"#f4f4f4\"/>\n");
            for (Band band : bandRow.bands()) {
                double from = Math.max(LEFT, px(band.from()));
                double to = Math.min(plotRight, px(band.to()));
                svg.append("<rect class=\"").append(band.strong() ? "firing" : "pending").append("\" x=\"")
                        .append(num(from)).append("\" y=\"").append(by + 2).append("\" width=\"")
                        .append(num(Math.max(1, to - from))).append("\" height=\"").append(BAND_ROW - 4)
                        .append("\" fill=\"").append(band.strong() ? FIRING : "url(#" + id + "-hatch)")
                        .append("\"><title>").append(Html.escape(bandRow.name())).append(band.strong()
                                ? " firing" : " pending").append("</title></rect>\n");
            }
            svg.append("</g>\n");
        }
        if (!bandRows.isEmpty()) {
            svg.append("<text x=\"").append(plotRight + 12).append("\" y=\"").append(top + 13)
                    .append("\" font-size=\"11\">solid: firing, hatched: pending</text>\n");
        }
    }

    private String path(Line line) {
        StringBuilder d = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < line.xs().length; i++) {
            if (Double.isNaN(line.ys()[i])) {
                drawing = false;
                continue;
            }
            d.append(drawing ? " L" : (d.length() == 0 ? "M" : " M")).append(num(px(line.xs()[i]))).append(',')
                    .append(num(py(line.ys()[i])));
            drawing = true;
        }
        return d.toString();
    }

    private double px(double value) {
        return LEFT + (value - x.min()) / (x.max() - x.min()) * (WIDTH - RIGHT - LEFT);
    }

    /** The pixel row of {@code value}, clamped just outside the plot so that clipped values stay visible edges. */
    private double py(double value) {
        double share = y.logarithmic()
                ? (Math.log10(Math.max(value, y.min() / 10)) - Math.log10(y.min()))
                / (Math.log10(y.max()) - Math.log10(y.min()))
                : (value - y.min()) / (y.max() - y.min());
        return TOP + PLOT_HEIGHT - Math.max(-0.01, Math.min(1.01, share)) * PLOT_HEIGHT;
    }

    private static String colour(int style) {
        return PALETTE[style % PALETTE.length];
    }

    private static String dash(int style) {
        String dash = DASHES[style % DASHES.length];
        return dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
    }

    /** Pixel coordinates to a tenth, the same on every machine. */
    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
