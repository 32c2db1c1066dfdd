import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { Deadline } from "../schemas/index.js";
import { bestCandidate, type DeadlineCandidate, deadlineCandidates } from "./deadline-parse.js";
import { documentYear } from "./deadline-year.js";
import { evidenceAt, trimSpan } from "./evidence.js";
import { DATE_SYMBOL_DIGITS, ocrDigitView } from "./lib/ocr-digits.js";
import { bareDeadlineLabelAt, type Paragraph, paragraphs } from "./tasks-lines.js";
import { cellOf, taskTables } from "./tasks-table-layout.js";

/**
 * Where deadlines stand in a document, and the one deadline each place sets. Only deadline contexts
 * are read: a "Thời gian thực hiện:" slot, a table's time column, a phrase that is a deadline by
 * its own words ("chậm nhất trước ngày …", "hoàn thành trong tháng …"), and a line ending
 * "… thực hiện thường xuyên". A bare date elsewhere (a reference, the issue date) is never one.
 */

/** A deadline with the span of the context it came from (a slot value, a cell, a sentence). */
export interface FoundDeadline extends Deadline {
  /** The slot value or cell the deadline was read from; the phrase itself for inline deadlines. */
  context: { start: number; end: number };
  /** How it was found. */
  source: "slot" | "table" | "inline";
}

type Doc = Pick<NormalisedDocument, "text" | "folded" | "pages">;

/** Every deadline of the document, in text order. `paras` may be passed when already computed. */
export function findDeadlines(input: Doc, paras: readonly Paragraph[] = paragraphs(input)): FoundDeadline[] {
  // Phrases are read on the folded text with OCR letters inside numbers taken as digits ("l5/6/2024").
  const doc: Doc = {
    text: input.text,
    folded: ocrDigitView(input.folded, DATE_SYMBOL_DIGITS),
    pages: input.pages,
  };
  const year = documentYear(doc);
  const found: FoundDeadline[] = [];
  const covered: { start: number; end: number }[] = [];

  for (const p of paras) {
    for (const slot of p.slots) {
      if (slot.kind !== "deadline") continue;
      const d = fromContext(doc, slot.start, slot.end, year, "slot");
      covered.push({ start: slot.start, end: slot.end });
      if (d) found.push(d);
    }
    if (p.slots.length === 0) {
      // "Thời gian thực hiện sau khi Chiến lược … được ban hành": the label without its colon.
      const valueStart = bareDeadlineLabelAt(doc.folded, p.body);
      const d = valueStart === null ? null : fromContext(doc, valueStart, p.end, year, "slot", true);
      if (d && valueStart !== null) {
        covered.push({ start: valueStart, end: p.end });
        found.push(d);
      }
    }
  }

  for (const table of taskTables(input)) {
    for (const row of table.rows) {
      const cell = cellOf(table, row, "deadline");
      if (!cell) continue;
      covered.push({ start: cell.start, end: cell.end });
      const d = fromContext(doc, cell.start, cell.end, year, "table");
      if (d) found.push(d);
    }
  }

  for (const p of paras) {
    for (const c of deadlineCandidates(doc.folded, p.body, p.end, year, "inline")) {
      if (covered.some((r) => r.start <= c.start && c.end <= r.end)) continue;
      found.push(toDeadline(doc, c, { start: c.start, end: c.end }, "inline"));
    }
    const continuous = CONTINUOUS_AT_END.exec(doc.folded.slice(p.body, p.end));
    if (continuous) {
      const start = p.body + continuous.index + continuous[0].indexOf("thuong");
      const end = p.body + continuous.index + continuous[0].replace(/[\s.;]+$/, "").length;
      if (!covered.some((r) => r.start <= start && end <= r.end)) {
        found.push(toDeadline(doc, { start, end, kind: "continuous", date: null }, { start, end }, "inline"));
      }
    }
  }
  return found.sort((a, b) => a.evidence.start - b.evidence.start);
}

/** A paragraph ending "… thực hiện thường xuyên." */
const CONTINUOUS_AT_END = /thuc\s+hien\s+thuong\s+xuyen[\s.;]*$/;

/**
 * The one deadline a slot value or cell sets, or null when it holds no deadline phrase. With
 * `atStart`, the phrase must open the value (a label written without its colon).
 */
function fromContext(
  doc: Doc,
  start: number,
  end: number,
  year: number | null,
  source: "slot" | "table",
  atStart = false,
): FoundDeadline | null {
  const [s, e] = trimMarkup(doc.text, start, end);
  const candidates = deadlineCandidates(doc.folded, s, e, year, "slot");
  const best = bestCandidate(candidates);
  if (!best || (atStart && best.start !== s)) return null;
  if (best.date !== null) return toDeadline(doc, best, { start: s, end: e }, source);
  // Without a date the whole value says it best ("Theo kế hoạch công tác tư pháp hàng năm"), up to
  // its first sentence; a cell's list ("- Trước và trong quá trình bầu cử - Thường xuyên") stays whole.
  const firstSentence = doc.text.slice(s, e).search(/[.;](?:\s|$)/);
  const valueEnd = firstSentence > 0 && firstSentence >= best.end - s ? s + firstSentence : e;
  const [vs, ve] = trimMarkup(doc.text, s, valueEnd);
  return toDeadline(doc, { ...best, start: vs, end: ve }, { start: s, end: e }, source);
}

function toDeadline(
  doc: Doc,
  c: DeadlineCandidate,
  context: { start: number; end: number },
  source: FoundDeadline["source"],
): FoundDeadline {
  const evidence = evidenceAt(doc, c.start, c.end);
  return { text: evidence.text.replace(/\s+/g, " "), kind: c.kind, date: c.date, evidence, context, source };
}

/** Narrows a span past spaces, list dashes, punctuation and HTML tags left in table cells. */
function trimMarkup(text: string, start: number, end: number): [number, number] {
  let [s, e] = trimSpan(text, start, end, ".;,*_-+•");
  for (let changed = true; changed && s < e; ) {
    changed = false;
    const head = /^<[^<>]*>/.exec(text.slice(s, Math.min(e, s + 200)));
    if (head) {
      [s, e] = trimSpan(text, s + head[0].length, e, ".;,*_-+•");
      changed = true;
    }
    const tail = /<[^<>]*>$/.exec(text.slice(Math.max(s, e - 200), e));
    if (tail) {
      [s, e] = trimSpan(text, s, e - tail[0].length, ".;,*_-+•");
      changed = true;
    }
  }
  return [s, e];
}
