import type { Table } from "../../schemas/table.js";
import type { NormalisedDocument, OffsetMap } from "./types.js";

/**
 * The first normalised offset whose source is at or after raw offset `raw`. The map is monotone,
 * so a binary search finds it; a raw character that normalisation deleted lands on the next kept one.
 */
export function normalisedOffset(map: OffsetMap, raw: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map[mid] as number) < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tables that lie in this document, with the table's span and every cell's span moved from the file's raw text to
 * the document's normalised text, and the cell's text set to exactly that slice (normalisation may
 * have fixed its tone marks), so a fact read from a cell can cite the cell as evidence. A cell whose
 * text did not survive normalisation keeps its text and loses its span.
 */
export function tablesInDocument(
  doc: Pick<NormalisedDocument, "text" | "map">,
  tables: readonly Table[],
): Table[] {
  const from = doc.map[0] as number;
  const to = doc.map[doc.text.length] as number;
  const out: Table[] = [];
  for (const table of tables) {
    const first = table.cells.find((c) => c.span)?.span;
    if (!first || first.start < from || first.start >= to) continue;
    const cells = table.cells.map((cell) => {
      if (!cell.span) return cell;
      let start = normalisedOffset(doc.map, cell.span.start);
      let end = normalisedOffset(doc.map, cell.span.end);
      while (start < end && /\s/.test(doc.text[start] as string)) start++;
      while (end > start && /\s/.test(doc.text[end - 1] as string)) end--;
      const { span: _drop, ...rest } = cell;
      if (end <= start) return rest;
      return { ...rest, text: doc.text.slice(start, end), span: { start, end } };
    });
    const { span: rawSpan, ...rest } = table;
    const span = rawSpan && {
      start: normalisedOffset(doc.map, rawSpan.start),
      end: normalisedOffset(doc.map, rawSpan.end),
    };
    out.push(span && span.end > span.start ? { ...rest, cells, span } : { ...rest, cells });
  }
  return out;
}
