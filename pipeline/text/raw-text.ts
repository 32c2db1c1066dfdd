import type { PageSpan } from "../../schemas/index.js";
import type { Table } from "../../schemas/table.js";
import { PAGE_SEPARATOR, type RawText } from "./types.js";

/** One page of text as a backend read it (extra fields, such as the backend's `method`, are ignored). */
export interface RawPageText {
  /** Page number, counted from 1. */
  page: number;
  text: string;
  /** OCR mean confidence 0..1, when the page was OCR'd: copied to the page span. */
  confidence?: number;
  /** Tables written into `text`, cell spans relative to it. */
  tables?: Table[];
}

/**
 * Joins page texts into a file's raw text with {@link PAGE_SEPARATOR} between pages and records
 * each page's span (`start`/`end` in the raw text, separator excluded).
 *
 * A form feed inside a page's own text would later read as a page break, so it is turned into a
 * line feed (same length: offsets are unchanged).
 */
export function buildRawText(pages: readonly RawPageText[]): RawText {
  const texts: string[] = [];
  const spans: PageSpan[] = [];
  const tables: Table[] = [];
  let offset = 0;
  pages.forEach((page, index) => {
    if (index > 0) offset += PAGE_SEPARATOR.length;
    const text = page.text.replaceAll(PAGE_SEPARATOR, "\n");
    const span: PageSpan = { page: page.page, start: offset, end: offset + text.length };
    if (page.confidence !== undefined) span.ocrConfidence = Math.min(1, Math.max(0, page.confidence));
    spans.push(span);
    texts.push(text);
    for (const table of page.tables ?? []) tables.push(shiftTable(table, offset));
    offset += text.length;
  });
  const raw: RawText = { text: texts.join(PAGE_SEPARATOR), pages: spans };
  return tables.length ? { ...raw, tables } : raw;
}

/** A table whose spans (the whole table's and each cell's) are moved by `by` characters (page text → file raw text). */
function shiftTable(table: Table, by: number): Table {
  const shift = (span: { start: number; end: number }) => ({ start: span.start + by, end: span.end + by });
  return {
    ...table,
    ...(table.span ? { span: shift(table.span) } : {}),
    cells: table.cells.map((c) => (c.span ? { ...c, span: shift(c.span) } : c)),
  };
}
