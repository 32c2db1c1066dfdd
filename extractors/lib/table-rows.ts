import type { NormalisedDocument } from "../../pipeline/text/types.js";
import { SPACE_RUN, splitCells, splitSpaced, type TableCell, trimmedCell } from "./table-cells.js";
import { type ModelRow, modelRows, type TextLine } from "./table-model-rows.js";

export type { TableCell } from "./table-cells.js";
export { alignLooseRow, type ColumnKind, columnKinds } from "./table-loose-rows.js";

/** One row of a table: a line of the normalised text whose cells are separated by "\t", or a grid row of the table model. */
export interface TableRow {
  /** Counts the tables of the document from 0: consecutive rows (blank lines between them allowed) share one. */
  table: number;
  /** Offsets of the whole line (without its line break). */
  start: number;
  end: number;
  /** Every cell of the line, empty ones included, so that column positions line up with the header. */
  cells: TableCell[];
  /**
   * A line of the table that lost its tabs (OCR, a converter): one cell holding the whole line. Its
   * cells are only known after `alignLooseRow` lines its words up with the table's columns.
   */
  loose?: boolean;
  /** Set on a row read from the table model: the table's index in `doc.tables` and its grid row. */
  grid?: { index: number; row: number };
}

/** A loose row starts with a row number ("3 UBND xã …") and holds at least one more number. */
const LOOSE_START = /^\s*\d{1,3}[.)]?\s+\S/;
const LOOSE_NUMBERS = /(?<![\p{L}\d])\d+(?:[.,]\d+)?(?![\p{L}\d])/gu;

/** "model": a line holding (part of) a row of the table model. */
type LineKind = "tab" | "spaced" | "blank" | "other" | "model";

/**
 * Reads the table rows of a normalised document.
 *
 * Where the document has a table model (`doc.tables`: grids of typed PDFs, scans, DOCX), its rows
 * come from the model (table-model-rows.ts): one row per grid row, one cell per grid column, a
 * vertically merged cell repeated (`carried`) in every row it covers, each cell's offsets those of
 * its text; the lines the model covers are not read again as text.
 *
 * Elsewhere the text is read. The normaliser writes every table row on one line with its cells
 * separated by tabs, whatever the source format was (DOCX table, PDF grid, OCR grid, markdown
 * pipes), so a line holding a tab is a row. Two kinds of lines without tabs are read too. A line
 * whose cells are separated by runs of two or more spaces (text that did not go through the
 * normaliser, a plain-text grid) is a row when the line above or below it is a row with as many
 * cells: one such line alone is more likely a typing slip. And, with `loose`, a line that stands
 * between two rows of a table, or right after one, starts with a row number and holds another
 * number, is returned as a loose row of that table (a row whose tabs OCR dropped); a loose row
 * between two rows does not end the table.
 *
 * Rows of both kinds are numbered into tables alike, in text order: rows separated only by blank
 * lines belong to the same table (a page break repeats the header and leaves an empty line); any
 * other line ends it.
 */
export function tableRows(
  doc: Pick<NormalisedDocument, "text" | "tables">,
  options: { loose?: boolean } = {},
): TableRow[] {
  const text = doc.text;
  const lines: (TextLine & { kind: LineKind })[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf("\n", s);
    if (e < 0) e = text.length;
    const line = text.slice(s, e);
    const kind: LineKind = line.includes("\t")
      ? "tab"
      : line.trim() === ""
        ? "blank"
        : (line.trim().match(SPACE_RUN)?.length ?? 0) >= 2
          ? "spaced"
          : "other";
    lines.push({ start: s, end: e, kind });
    s = e + 1;
  }
  // Rows of the model, by the line they start on; every line they cover is a model line.
  const fromModel = new Map<number, ModelRow>();
  for (const row of doc.tables?.length ? modelRows(text, lines, doc.tables) : []) {
    fromModel.set(row.firstLine, row);
    for (let i = row.firstLine; i <= row.lastLine; i++) (lines[i] as { kind: LineKind }).kind = "model";
  }
  const nonBlank = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      if (lines[j]?.kind !== "blank") return j;
    }
    return -1;
  };
  // A spaced line counts as a row only next to another row (tab, spaced or model) with as many cells.
  const width = (i: number): number => {
    const l = lines[i] as TextLine & { kind: LineKind };
    if (l.kind === "model") {
      for (let j = i; j >= 0; j--) {
        const row = fromModel.get(j);
        if (row) return row.cells.length;
      }
      return 0;
    }
    return l.kind === "tab"
      ? text.slice(l.start, l.end).split("\t").length
      : (text.slice(l.start, l.end).trim().match(SPACE_RUN)?.length ?? 0) + 1;
  };
  const isRow = lines.map(
    (l, i) =>
      l.kind === "tab" ||
      l.kind === "model" ||
      (l.kind === "spaced" &&
        [nonBlank(i, -1), nonBlank(i, 1)].some(
          (n) => n >= 0 && lines[n]?.kind !== "other" && width(n) === width(i),
        )),
  );
  const rows: TableRow[] = [];
  let table = -1;
  let inTable = false;
  lines.forEach((l, i) => {
    if (l.kind === "blank") return;
    if (isRow[i]) {
      if (!inTable) table++;
      inTable = true;
      if (l.kind === "model") {
        const row = fromModel.get(i);
        if (row) rows.push({ table, start: row.start, end: row.end, cells: row.cells, grid: row.grid });
        return;
      }
      const cells =
        l.kind === "tab" ? splitCells(text, l.start, l.end, "\t") : splitSpaced(text, l.start, l.end);
      rows.push({ table, start: l.start, end: l.end, cells });
      return;
    }
    if (inTable && rows.length > 0 && looksLikeLooseRow(text.slice(l.start, l.end))) {
      if (options.loose) {
        const cell = trimmedCell(text, l.start, l.end);
        rows.push({ table, start: l.start, end: l.end, cells: [cell], loose: true });
      }
      // Between two rows the table goes on; after the last one it ends here.
      const next = nonBlank(i, 1);
      inTable = next >= 0 && isRow[next] === true;
      return;
    }
    inTable = false;
  });
  return rows;
}

function looksLikeLooseRow(line: string): boolean {
  if (!LOOSE_START.test(line) || line.length > 400 || /:\s*$/.test(line)) return false;
  return (line.match(LOOSE_NUMBERS)?.length ?? 0) >= 2;
}

/** The folded view of a cell (same offsets as its text), for keyword matching. */
export function foldedCell(doc: Pick<NormalisedDocument, "folded">, cell: TableCell): string {
  return doc.folded.slice(cell.start, cell.end);
}
