import {
  endsMidSentence,
  endsSentence,
  isCapitalsLine,
  startsLowerCase,
  startsWithListMarker,
} from "../line-kinds.js";
import { type MappedText, OffsetMapBuilder } from "../offset-map.js";
import { isBlank, splitLines } from "./lines.js";

/*
 * Lines, blank lines and pages of the normalised text (the convention every later stage reads):
 * - one line per paragraph, heading, list item, header line or table row; lines are trimmed and
 *   runs of spaces are one space; "\n" separates lines;
 * - "\n\n" (one blank line, never more) separates blocks where the source had blank lines or a
 *   page break; the text has no leading or trailing blank lines;
 * - a page break ("\f") becomes "\n\n", or a single space when a paragraph runs on to the next page;
 * - a table row (a line holding a tab) stays one line, cells separated by "\t", never joined.
 */

interface Row {
  /** Content bounds after trimming spaces (tabs are kept on table rows: empty cells). */
  start: number;
  end: number;
  text: string;
  table: boolean;
  page: number;
  /** Starts a list item or section ("1.", "a)", "-", "Điều 2"). */
  marker: boolean;
  /** Written in capitals: a heading, an issuer or a signature line. */
  capitals: boolean;
  /** Starts with a lower-case letter. */
  lower: boolean;
  /** A blank line or a page break separates this row from the previous one. */
  afterBlank: boolean;
}

/** How two consecutive non-blank lines are separated in the output. */
type Join = "space" | "glue" | "break";

/** A page "is hard-wrapped" when many of its lines go on with a lower-case word on the next line. */
interface PageShape {
  wrapped: boolean;
  /** Typical full-line length (90th percentile), for "this line reached the margin". */
  width: number;
  /**
   * Wrapped lines are separated by blank lines too (PDF text layers such as 004's): a blank line
   * then says nothing. Otherwise (Markdown, OCR) a blank line ends the paragraph.
   */
  blankBetweenWrapped: boolean;
}

function collectRows(text: string): Row[] {
  const rows: Row[] = [];
  let page = 0;
  let blankSeen = false;
  for (const line of splitLines(text)) {
    if (isBlank(text, line)) blankSeen = true;
    else {
      let start = line.start;
      let end = line.end;
      const table = text.slice(start, end).includes("\t");
      const trim = table ? /[ \v]/ : /[ \t\v]/;
      while (start < end && trim.test(text[start] as string)) start++;
      while (end > start && trim.test(text[end - 1] as string)) end--;
      const content = text.slice(start, end);
      rows.push({
        start,
        end,
        text: content,
        table,
        page,
        marker: !table && startsWithListMarker(content),
        capitals: !table && isCapitalsLine(content),
        lower: !table && startsLowerCase(content),
        afterBlank: blankSeen,
      });
      blankSeen = false;
    }
    if (line.terminator === "\f") {
      page++;
      blankSeen = true;
    }
  }
  return rows;
}

function pageShapes(rows: Row[]): Map<number, PageShape> {
  const byPage = new Map<number, Row[]>();
  for (const row of rows) {
    if (row.table) continue;
    const list = byPage.get(row.page);
    if (list) list.push(row);
    else byPage.set(row.page, [row]);
  }
  const shapes = new Map<number, PageShape>();
  for (const [page, pageRows] of byPage) {
    const lengths = pageRows.map((r) => r.text.length).sort((a, b) => a - b);
    const width = lengths[Math.floor(0.9 * (lengths.length - 1))] ?? 0;
    let pairs = 0;
    let lower = 0;
    let lowerAfterBlank = 0;
    for (let i = 1; i < pageRows.length; i++) {
      const next = pageRows[i] as Row;
      if (next.marker) continue;
      pairs++;
      if (next.lower) lower++;
      if (next.lower && next.afterBlank) lowerAfterBlank++;
    }
    const wrapped = width > 0 && width <= 160 && lower >= 3 && lower / Math.max(1, pairs) >= 0.2;
    shapes.set(page, { wrapped, width, blankBetweenWrapped: lowerAfterBlank * 2 > lower });
  }
  return shapes;
}

/** "53/KH-" + "UBND", "42-" + "QĐ/ĐU", "2021-" + "2025": a number symbol cut at its hyphen. */
function cutSymbol(a: string, b: string): boolean {
  const tail = /(\S*[\p{L}\d])-$/u.exec(a)?.[1];
  const head = /^\S+/.exec(b)?.[0];
  if (!tail || !head || !/[\d/]/.test(tail)) return false;
  return /^[\p{Lu}\d]/u.test(head) && (/[/\d]/.test(head) || /^\p{Lu}{2,}/u.test(head));
}

function decideJoin(a: Row, b: Row, shape: PageShape | undefined): Join {
  if (a.table || b.table) return "break";
  // "Số:" alone on its line, the number on the next (two-column headers).
  if (/^số\s*:?$/iu.test(a.text) && /^[\d/]/.test(b.text)) return "space";
  // "giai đoạn 2026" + "- 2030": a range cut at its dash, not a list item.
  if (/\d$/.test(a.text) && /^[-–]\s*\d/.test(b.text)) return "space";
  if (b.marker) return "break";
  if (!a.capitals && cutSymbol(a.text, b.text)) return "glue";
  if (a.capitals && b.capitals) {
    // A heading wrapped inside its block: "I. MỤC ĐÍCH," + "YÊU CẦU", "… CỦA" + "LUẬT …".
    return !b.afterBlank && endsMidSentence(a.text.toLowerCase()) ? "space" : "break";
  }
  if (a.capitals || b.capitals) return "break";
  if (b.lower) return "space";
  if (endsMidSentence(a.text)) return "space";
  // On a hard-wrapped page a line that reaches the margin goes on, unless it ends a sentence
  // (";" does not: wrapped enumerations of legal bases run on after it).
  const ended = endsSentence(a.text) && !a.text.endsWith(";");
  const sameParagraph = !b.afterBlank || shape?.blankBetweenWrapped;
  if (shape?.wrapped && sameParagraph && a.text.length >= 0.75 * shape.width && !ended) return "space";
  return "break";
}

/** Collapses runs of spaces inside a row; spaces around a tab go (cells are trimmed). */
function writeRow(builder: OffsetMapBuilder, row: Row): void {
  for (const m of row.text.matchAll(/[ \v]*\t[ \v]*| {2,}|\v/g)) {
    const at = row.start + (m.index ?? 0);
    const tab = m[0].indexOf("\t");
    if (tab >= 0) {
      builder
        .keepTo(at)
        .delete(tab)
        .keep(1)
        .delete(m[0].length - tab - 1);
    } else {
      builder.keepTo(at).replace(m[0].length, " ");
    }
  }
  builder.keepTo(row.end);
}

/** Statistics a caller may turn into messages. */
export interface ReflowStats {
  linesJoined: number;
}

/**
 * Rejoins hard-wrapped lines into paragraphs and lays the text out in the convention above. Two
 * lines are joined when the next one starts in lower case, or the first cannot end there ("…của",
 * "…,"), or, on a hard-wrapped page, the first reaches the margin without ending its sentence;
 * never when either is a table row or a capitals heading, or the next starts a list item.
 */
export function reflowPass(text: string, stats?: ReflowStats): MappedText {
  const rows = collectRows(text);
  const shapes = pageShapes(rows);
  const builder = new OffsetMapBuilder(text);
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (!previous) {
      builder.delete(row.start);
    } else {
      const gap = text.slice(previous.end, row.start);
      const join = decideJoin(previous, row, shapes.get(previous.page));
      const separator = join === "glue" ? "" : join === "space" ? " " : row.afterBlank ? "\n\n" : "\n";
      if (join !== "break" && stats) stats.linesJoined++;
      builder.keepTo(previous.end).replace(gap.length, separator);
    }
    writeRow(builder, row);
  });
  const last = rows[rows.length - 1];
  builder.delete(text.length - (last ? last.end : 0));
  return builder.finish();
}
