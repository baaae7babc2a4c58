package io.modelprint.report;

/** The report's stylesheet, inline in the page: screen and print (nothing hidden on paper, no colour lost). */
final class ReportStyle {
    static final String CSS = """
            :root { --derived: #b00020; --independent: #1b5e20; --muted: #555; --rule: #ccc; }
            * { box-sizing: border-box; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111;
              margin: 0 auto; padding: 1.5rem; max-width: 70rem; line-height: 1.4; font-size: 15px; }
            h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
            h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; }
            h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
            .sub, .note, figcaption, .grid-summary { color: var(--muted); }
            code, .hash, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em;
              overflow-wrap: anywhere; word-break: break-all; }
            pre { background: #f4f4f4; border: 1px solid var(--rule); padding: .6rem; white-space: pre-wrap; }
            table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
            th, td { border: 1px solid var(--rule); padding: .25rem .45rem; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0 1rem; }
            dl.fields dt { font-weight: 600; }
            dl.fields dd { margin: 0; overflow-wrap: anywhere; }
            .verdict { font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
            .verdict.derived { color: var(--derived); }
            .verdict.independent { color: var(--independent); }
            .headline { border: 2px solid var(--rule); border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
            .headline.derived { border-color: var(--derived); }
            .headline.independent { border-color: var(--independent); }
            .error { color: var(--derived); }
            .signature.verified { color: var(--independent); }
            .signature.unsigned, .signature.partly { color: var(--derived); }
            .query-grid { display: flex; flex-wrap: wrap; gap: .4rem; }
            figure.query { margin: 0; padding: .25rem; border: 2px solid var(--rule); border-radius: 4px; width: 100px;
              text-align: center; break-inside: avoid; page-break-inside: avoid; }
            figure.query.agree { border-color: var(--independent); }
            figure.query.differ { border-color: #e0a000; border-style: dashed; }
            figure.query img { width: 84px; height: 84px; image-rendering: pixelated; display: block; margin: 0 auto; }
            figure.query figcaption { font-size: .75rem; color: #111; white-space: nowrap; }
            tr.evidence-hashes dl.fields { margin: 0; font-size: .9em; }
            .mark { color: var(--independent); font-weight: 700; }
            .index { color: var(--muted); }
            figure.null-distribution { margin: .5rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
            svg.null-chart { width: 100%; max-width: 640px; height: auto; display: block; border: 1px solid var(--rule); }
            svg .axis { stroke: #333; stroke-width: 1; }
            svg .tick { font-size: 11px; fill: #333; }
            svg .suspect-line { stroke: var(--derived); stroke-width: 2.5; }
            svg .suspect-line-label { font-size: 12px; fill: var(--derived); font-weight: 700; }
            svg .threshold-line { stroke: #333; stroke-width: 1.5; stroke-dasharray: 5 4; }
            svg .threshold-line-label { font-size: 11px; fill: #333; }
            ul.legend { list-style: none; padding: 0; margin: .3rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .85rem; }
            .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .3rem; vertical-align: -1px; }
            .swatch.suspect { background: var(--derived); border-radius: 0; width: .3rem; }
            .swatch.threshold { background: #333; border-radius: 0; width: .3rem; }
            section.member { border-left: 3px solid var(--rule); padding-left: .8rem; margin-left: .2rem; }
            footer { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: .5rem; font-size: .85rem; color: var(--muted); }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              h2 { break-after: avoid; page-break-after: avoid; }
              section.fingerprint { break-before: page; page-break-before: always; }
              tr, .headline, dl.fields { break-inside: avoid; page-break-inside: avoid; }
              pre { white-space: pre-wrap; }
              @page { margin: 14mm; }
            }
            """;

    private ReportStyle() {}
}
