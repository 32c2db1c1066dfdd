/**
 * Cutting a line of the normalised text into table cells: shared by the text reading of tables
 * (table-rows.ts) and the model reading (table-model-rows.ts), which uses the same cut to place the
 * empty cells of a row where the text has them.
 */

/** One cell of a table row: its trimmed text and where that text lies in the document's normalised text. */
export interface TableCell {
  text: string;
  start: number;
  end: number;
  /**
   * Set on a cell of a loose row (table-loose-rows.ts `alignLooseRow`) when adjacent text columns
   * could not be told apart: the first of them holds their joined text ("merged"), the others are
   * empty ("unknown").
   */
  merged?: boolean;
  unknown?: boolean;
  /**
   * A vertically merged cell of the table model repeated in a row below its first one: its text and
   * span are the merged cell's (which lies in an earlier row), so a row under a merged "Tiêu chí"
   * cell still knows its criterion and cites the real cell. A value that counts once (the points of
   * one deduction written over two rows) must not be counted again for such a cell.
   */
  carried?: boolean;
}

/** A cell boundary in a line without tabs: a run of two or more spaces (a plain-text or OCR grid). */
export const SPACE_RUN = / {2,}/g;

/** The cell `start..end` trimmed of surrounding whitespace. */
export function trimmedCell(text: string, start: number, end: number): TableCell {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return { text: text.slice(s, e), start: s, end: e };
}

/** Splits the line `start..end` at `separator` into cells, each trimmed of surrounding whitespace. */
export function splitCells(text: string, start: number, end: number, separator: string): TableCell[] {
  const cells: TableCell[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === separator) {
      cells.push(trimmedCell(text, cellStart, i));
      cellStart = i + 1;
    }
  }
  return cells;
}

/** Splits a line at runs of two or more spaces (leading indentation is no cell boundary). */
export function splitSpaced(text: string, start: number, end: number): TableCell[] {
  const cells: TableCell[] = [];
  const line = text.slice(start, end);
  const lead = line.length - line.trimStart().length;
  let cellStart = start + lead;
  for (const m of line.slice(lead).matchAll(SPACE_RUN)) {
    const at = start + lead + m.index;
    cells.push(trimmedCell(text, cellStart, at));
    cellStart = at + m[0].length;
  }
  cells.push(trimmedCell(text, cellStart, end));
  return cells;
}
