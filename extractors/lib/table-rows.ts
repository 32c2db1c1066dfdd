import type { NormalisedDocument } from "../../pipeline/text/types.js";

/** One cell of a table row: its trimmed text and where that text lies in the document's normalised text. */
export interface TableCell {
  text: string;
  start: number;
  end: number;
}

/** One row of a table: a line of the normalised text whose cells are separated by "\t". */
export interface TableRow {
  /** Counts the tables of the document from 0: consecutive rows (blank lines between them allowed) share one. */
  table: number;
  /** Offsets of the whole line (without its line break). */
  start: number;
  end: number;
  /** Every cell of the line, empty ones included, so that column positions line up with the header. */
  cells: TableCell[];
}

/**
 * Reads the table rows of a normalised document. The normaliser writes every table row on one line
 * with its cells separated by tabs, whatever the source format was (DOCX table, PDF grid, OCR grid,
 * markdown pipes), so a line holding a tab is a row. Rows separated only by blank lines belong to the
 * same table (a page break repeats the header and leaves an empty line); any other line ends it.
 */
export function tableRows(doc: Pick<NormalisedDocument, "text">): TableRow[] {
  const rows: TableRow[] = [];
  const text = doc.text;
  let table = -1;
  let inTable = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.includes("\t")) {
      if (!inTable) table++;
      inTable = true;
      rows.push({ table, start: lineStart, end: lineEnd, cells: splitCells(text, lineStart, lineEnd) });
    } else if (line.trim() !== "") {
      inTable = false;
    }
    lineStart = lineEnd + 1;
  }
  return rows;
}

/** Splits the line `start..end` at tabs into cells, each trimmed of surrounding whitespace. */
function splitCells(text: string, start: number, end: number): TableCell[] {
  const cells: TableCell[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === "\t") {
      let s = cellStart;
      let e = i;
      while (s < e && /\s/.test(text[s] ?? "")) s++;
      while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
      cells.push({ text: text.slice(s, e), start: s, end: e });
      cellStart = i + 1;
    }
  }
  return cells;
}

/** The folded view of a cell (same offsets as its text), for keyword matching. */
export function foldedCell(doc: Pick<NormalisedDocument, "folded">, cell: TableCell): string {
  return doc.folded.slice(cell.start, cell.end);
}
