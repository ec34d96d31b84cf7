package io.sloc.emit.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The error budget left over the SLO's period under each of the workbook's sustained error ratios, with the first
 * page's time and the budget spent by then in the legend.
 */
final class BurnDownChart {
    /** The burns drawn: faster ones empty the budget within a few pixels of the start. */
    private static final BigDecimal FASTEST = BigDecimal.valueOf(100);

    private BurnDownChart() {
    }

    static String render(String id, PolicyWorkbook workbook) {
        double days = workbook.period().toHours() / 24.0;
        SvgChart chart = new SvgChart(id, "Budget burn-down — " + workbook.slo().name(),
                "Share of the " + Format.duration(workbook.period()) + " error budget left when the error ratio "
                        + "stays at a multiple of the budget from day 0, and when the first page fires.",
                new SvgChart.Axis("time since the errors started (days)", 0, days, false,
                        Ticks.linear(0, days, "")),
                new SvgChart.Axis("error budget left (%)", 0, 100, false, percentTicks()));
        int style = 0;
        for (PolicyWorkbook.Row row : workbook.rows()) {
            if (row.multiple().compareTo(FASTEST) > 0) {
                continue;
            }
            double multiple = row.multiple().doubleValue();
            double empty = Math.min(days, days / multiple);
            String page = row.firstPage().map(first -> "page at " + Format.duration(first) + ", "
                            + Format.percent(row.budgetSpentBeforePage().orElseThrow()) + " spent")
                    .orElse("no page");
            chart.line(Format.number(row.multiple()) + "x (" + page + ")", new double[] {0, empty, days},
                    new double[] {100, 100 - 100 * empty * multiple / days, 100 - 100 * empty * multiple / days},
                    style++);
        }
        return chart.render();
    }

    private static List<SvgChart.Tick> percentTicks() {
        List<SvgChart.Tick> ticks = new ArrayList<>();
        for (int percent = 0; percent <= 100; percent += 20) {
            ticks.add(new SvgChart.Tick(percent, percent + "%"));
        }
        return ticks;
    }
}
