package io.sloc.emit.report;

/** The report's inline CSS: readable on screen and printed (a section per page, no chart split across pages). */
final class Stylesheet {
    static final String CSS = """
            body { font-family: system-ui, sans-serif; color: #111; margin: 0 auto; max-width: 70rem; padding: 1rem; }
            nav ul { columns: 2; }
            section.slo { border-top: 2px solid #444; margin-top: 2rem; }
            dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
            dl.facts dt { font-weight: bold; }
            dl.facts dd { margin: 0; }
            table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
            caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
            th, td { border: 1px solid #999; padding: .2rem .5rem; text-align: right; }
            thead th { background: #eee; text-align: center; }
            td.none, td.tie { color: #555; text-align: center; }
            figure { margin: 1rem 0; }
            figcaption { font-size: .9rem; color: #333; }
            svg.chart { max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
            .unsupported { font-style: italic; }
            @media print {
              body { max-width: none; font-size: 10pt; }
              nav { display: none; }
              section.slo { break-before: page; border: none; }
              figure, table { break-inside: avoid; }
              thead th { background: none; }
            }
            """;

    private Stylesheet() {
    }
}
