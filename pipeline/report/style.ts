/**
 * The report's stylesheet, inlined (the file must open without any other file or the network).
 * System fonts only: every office machine has one with Vietnamese glyphs. The print rules give a
 * clean A4 copy: no controls, every flag's evidence shown, table rows never split across pages.
 */
export const REPORT_CSS = `
:root { --err: #b3261e; --err-bg: #fdecea; --warn: #7a4f00; --warn-bg: #fff3d6; --info: #1f5f8b;
  --info-bg: #e8f1f8; --line: #d7dbe0; --muted: #5b6570; --head: #f3f5f7; --accent: #1d4e89; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; font-size: 15px;
  color: #1b1f24; background: #fff; line-height: 1.45; }
body { margin: 0 auto; max-width: 1400px; padding: 16px 24px 48px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 1.2rem; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.02rem; margin: 18px 0 6px; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
.small { font-size: 0.87rem; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 4px 0 8px; }
.notice { border-left: 4px solid var(--warn); background: var(--warn-bg); padding: 8px 12px; margin: 8px 0; }
.notice strong { color: var(--warn); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 96px; max-width: 190px; }
.card .n { font-size: 1.5rem; font-weight: 600; display: block; }
.card.error { border-color: var(--err); background: var(--err-bg); }
.card.warning { border-color: #c98a00; background: var(--warn-bg); }
.card.info { border-color: var(--info); background: var(--info-bg); }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 0.8rem; font-weight: 600;
  white-space: nowrap; border: 1px solid transparent; }
.badge.error { background: var(--err-bg); color: var(--err); border-color: var(--err); }
.badge.warning { background: var(--warn-bg); color: var(--warn); border-color: #c98a00; }
.badge.info { background: var(--info-bg); color: var(--info); border-color: var(--info); }
.badge.kind { background: var(--head); color: #333; border-color: var(--line); }
.controls { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line);
  padding: 8px 0; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; }
.controls label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
.controls input, .controls select { font: inherit; font-size: 0.95rem; padding: 4px 6px; border: 1px solid #9aa4ae;
  border-radius: 4px; min-width: 200px; color: #1b1f24; }
.controls output { font-size: 0.9rem; color: var(--muted); padding-bottom: 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: var(--head); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th button.sort { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer;
  color: inherit; text-align: inherit; }
th button.sort::after { content: " ⇅"; color: #9aa4ae; font-weight: 400; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; color: var(--accent); }
th[aria-sort="descending"] button.sort::after { content: " ▼"; color: var(--accent); }
tr.sev-error > td:first-child { box-shadow: inset 4px 0 0 var(--err); }
tr.sev-warning > td:first-child { box-shadow: inset 4px 0 0 #c98a00; }
tr.sev-info > td:first-child { box-shadow: inset 4px 0 0 var(--info); }
td.differs { background: var(--err-bg); font-weight: 600; }
.unit-name { font-weight: 600; }
#units-table td:first-child { min-width: 7.5em; }
.table-wrap { overflow-x: auto; }
.overview { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-start; }
.overview .cards { flex: 1 1 380px; margin-top: 6px; }
table.kinds { width: auto; min-width: 380px; flex: 0 1 auto; }
table.deadlines { table-layout: fixed; }
table.deadlines .c-date { width: 7.5em; }
table.deadlines .c-text { width: 15%; }
table.deadlines .c-duty { width: 6.5em; }
table.deadlines .c-doc { width: 17%; }
table.deadlines .c-status { width: 12%; }
table.deadlines code { word-break: normal; overflow-wrap: anywhere; }
h4 { font-size: 0.95rem; margin: 12px 0 4px; }
.unit-deadlines { margin-bottom: 16px; }
details.deductions { margin: 4px 0; }
details.deductions > summary, details.legend > summary { cursor: pointer; }
[hidden] { display: none !important; }
.flag { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: #fff; }
.flag > summary { cursor: pointer; padding: 6px 10px; list-style-position: outside; margin-left: 16px; }
.flag.error { border-left: 5px solid var(--err); }
.flag.warning { border-left: 5px solid #c98a00; }
.flag.info { border-left: 5px solid var(--info); }
.flag .body { padding: 4px 12px 10px 26px; }
.flag .who { font-weight: 600; }
.evidence { margin: 8px 0; }
.evidence .src { font-size: 0.85rem; color: var(--muted); }
.evidence .src code { color: #1b1f24; }
blockquote.quote { margin: 4px 0; padding: 6px 10px; border-left: 3px solid var(--line); background: #fafbfc;
  white-space: pre-wrap; tab-size: 4; word-break: break-word; }
mark { background: #ffe36e; color: inherit; padding: 0 1px; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.85em; word-break: break-all; }
.past { color: var(--err); font-weight: 600; }
.role-list { break-inside: auto; }
.help dt { font-weight: 600; margin-top: 6px; }
.help dd { margin: 0 0 4px 16px; }
.empty { color: var(--muted); font-style: italic; }
.print-only { display: none; }
footer { margin-top: 32px; font-size: 0.85rem; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm; }
/* The two wide tables print on landscape A4 pages of their own. */
@page wide { size: A4 landscape; margin: 12mm 12mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  .controls, .no-print { display: none !important; }
  .table-wrap { overflow: visible; }
  #units, #criteria { page: wide; }
  th button.sort::after { content: ""; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, .evidence, .card { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .flag { break-inside: avoid-page; }
  details > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: contents; }
  .print-only { display: block !important; }
  a { color: inherit; text-decoration: none; }
}
`;
