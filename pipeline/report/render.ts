/**
 * The review report as one self-contained HTML page. The Content-Security-Policy allows nothing
 * but the page's own inline style and script, pinned by their SHA-256 hashes: no remote loads, no
 * other script, so even a tag that slipped past escaping could neither run nor phone home.
 */
import { createHash } from "node:crypto";
import type { Scores } from "../../schemas/index.js";
import { groupUnits } from "../scoring/group.js";
import { readScoringDoc, type ScoringDoc, type SourcedDocument } from "../scoring/input.js";
import { CLIENT_SCRIPT } from "./client-script.js";
import { roleDeadlines } from "./deadlines.js";
import { html, jsonForScript, SafeHtml } from "./escape.js";
import { documentKey } from "./evidence-context.js";
import { calendarEvents } from "./ics.js";
import { FilterItems } from "./items.js";
import { criteriaSection } from "./section-criteria.js";
import { deadlinesSection } from "./section-deadlines.js";
import { flagsSection } from "./section-flags.js";
import {
  controlsSection,
  headerSection,
  helpSection,
  REPORT_TITLE,
  summarySection,
} from "./section-header.js";
import { unitsSection } from "./section-units.js";
import { REPORT_CSS } from "./style.js";

/** Options of {@link renderReport}. */
export interface RenderOptions {
  /** The report's date and time, shown in its header and used as the calendar's DTSTAMP (default: now). */
  now?: Date;
}

/** `'sha256-…'` of an inline element's exact content, as CSP wants it. */
export function cspHash(content: string): string {
  return `'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`;
}

/** The page's Content-Security-Policy. */
export function contentSecurityPolicy(css: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspHash(css)}`,
    `script-src ${cspHash(script)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The documents' texts by `<source>#<index>`, for quoting evidence in context. */
export function documentTexts(documents: readonly (SourcedDocument | ScoringDoc)[]): Map<string, string> {
  return new Map(
    documents.map((d) => [documentKey(d.source, d.document), "text" in d ? d.text : readScoringDoc(d).text]),
  );
}

/** Renders the whole page. Pure apart from the default clock. */
export function renderReport(
  scores: Scores,
  documents: readonly SourcedDocument[],
  options: RenderOptions = {},
): string {
  const now = options.now ?? new Date();
  const docs = documents.map(readScoringDoc);
  const texts = documentTexts(docs);
  const lists = roleDeadlines(scores, texts);
  const items = new FilterItems();
  const body = html`${headerSection(scores, now)}
${controlsSection()}
<main>
${summarySection(scores)}
${unitsSection(scores, items)}
${flagsSection(scores, texts, items)}
${criteriaSection(scores, groupUnits(docs).units, texts, items)}
${deadlinesSection(lists, calendarEvents(lists).length, items)}
${helpSection()}
</main>
<footer>Lập bằng kehoach. Báo cáo là một tệp duy nhất, mở được khi không có mạng; dữ liệu gốc ở <code>scores.json</code>,
<code>scores.csv</code> và thư mục <code>documents/</code> cạnh thư mục <code>report</code>.</footer>`;
  const page = html`<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(REPORT_CSS, CLIENT_SCRIPT)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${REPORT_TITLE}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
${body}
<script type="application/json" id="report-data">${new SafeHtml(jsonForScript({ items: items.list }))}</script>
<script>${new SafeHtml(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}
