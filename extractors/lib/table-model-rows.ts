import type { TableCell as ModelCell, Table } from "../../schemas/table.js";
import { splitCells, type TableCell } from "./table-cells.js";

/**
 * Rows of the table model (`NormalisedDocument.tables`: grids found by the PDF, OCR or DOCX
 * backends, cell spans already on the normalised text) placed on the lines of the text, so that
 * table-rows.ts can read them in place of the text's tab-separated lines. The model knows what the
 * text cannot: which cell a "\t" or a lost tab belongs to, and which cells are merged.
 */

/** A line of the normalised text, without its line break. */
export interface TextLine {
  start: number;
  end: number;
}

/** One grid row of a model table, placed on the text. */
export interface ModelRow {
  /** The lines the row lies on (indexes into the caller's lines), and their bounds in the text. */
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
  /** One cell per grid column (see {@link modelRows}). */
  cells: TableCell[];
  /** The table's index in `doc.tables` and the grid row (from 0). */
  grid: { index: number; row: number };
}

/** Above this many grid positions a "table" is not one a document holds (a broken model): read the text. */
const MAX_POSITIONS = 100_000;

/**
 * The rows of every model table whose cells can be placed on the text, in text order. Each grid
 * row whose own cells have spans gives one row with one cell per grid column: a cell at its first
 * column holds its text and span; a column covered by a cell merged from the left is an empty cell;
 * a cell merged from above is repeated with its span and marked `carried`. Empty cells stand where
 * the line has them when its tabs match the grid (as the text reading would give them), else right
 * after the cell before them. Rows without any text (the backends do not write them) give nothing.
 *
 * A table is left to the text reading when it has fewer than two columns (a framed paragraph),
 * when a cell's span runs over a line break or outside the text, when its rows do not follow each
 * other down the text, or when its lines are already taken by another table.
 */
export function modelRows(text: string, lines: readonly TextLine[], tables: readonly Table[]): ModelRow[] {
  const taken = new Uint8Array(lines.length);
  const firstSpan = (t: Table) => Math.min(...t.cells.map((c) => c.span?.start ?? Number.POSITIVE_INFINITY));
  const order = tables
    .map((_, i) => i)
    .sort((a, b) => firstSpan(tables[a] as Table) - firstSpan(tables[b] as Table));
  const out: ModelRow[] = [];
  for (const index of order) {
    const rows = placeTable(text, lines, tables[index] as Table, index);
    if (!rows || rows.length === 0) continue;
    const clash = rows.some((r) => taken.subarray(r.firstLine, r.lastLine + 1).some((t) => t === 1));
    if (clash) continue;
    for (const r of rows) taken.fill(1, r.firstLine, r.lastLine + 1);
    out.push(...rows);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The index of the line holding `offset` (the last line starting at or before it). */
function lineIndex(lines: readonly TextLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as TextLine).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A span that lies in one line of the text (an empty span, an empty cell's, says nothing and passes). */
function validSpan(text: string, cell: ModelCell): boolean {
  const span = cell.span;
  if (!span || span.start === span.end) return true;
  return (
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= text.length &&
    !/[\n\f]/.test(text.slice(span.start, span.end))
  );
}

/** The rows of one table, or null when the table cannot be trusted to match the text. */
function placeTable(
  text: string,
  lines: readonly TextLine[],
  table: Table,
  index: number,
): ModelRow[] | null {
  const { rows, cols } = table;
  if (cols < 2 || rows < 1 || rows * cols > MAX_POSITIONS || lines.length === 0) return null;
  if (!table.cells.every((c) => validSpan(text, c))) return null;
  // covering[r * cols + c]: the cell whose area holds grid position (r, c).
  const covering: (ModelCell | undefined)[] = new Array(rows * cols);
  const own: ModelCell[][] = Array.from({ length: rows }, () => []);
  for (const cell of table.cells) {
    if (cell.row >= rows || cell.col >= cols) return null;
    own[cell.row]?.push(cell);
    for (let r = cell.row; r < Math.min(rows, cell.row + cell.rowSpan); r++) {
      for (let c = cell.col; c < Math.min(cols, cell.col + cell.colSpan); c++)
        covering[r * cols + c] ??= cell;
    }
  }
  const out: ModelRow[] = [];
  let previousLast = -1;
  for (let r = 0; r < rows; r++) {
    const spans = (own[r] ?? []).flatMap((c) => (c.span && c.span.end > c.span.start ? [c.span] : []));
    if (spans.length === 0) continue;
    const firstLine = lineIndex(lines, Math.min(...spans.map((s) => s.start)));
    const lastLine = lineIndex(lines, Math.max(...spans.map((s) => s.end - 1)));
    if (firstLine <= previousLast) return null;
    previousLast = lastLine;
    const start = (lines[firstLine] as TextLine).start;
    const end = (lines[lastLine] as TextLine).end;
    const fields = firstLine === lastLine ? splitCells(text, start, end, "\t") : [];
    const aligned = fields.length === cols;
    const cells: TableCell[] = [];
    let after = start;
    for (let c = 0; c < cols; c++) {
      const cell = covering[r * cols + c];
      const span = cell?.col === c ? cell.span : undefined;
      if (!cell || !span || span.end === span.start) {
        const at = aligned ? (fields[c] as TableCell).start : after;
        cells.push({ text: "", start: at, end: at });
        continue;
      }
      const read: TableCell = { text: text.slice(span.start, span.end), start: span.start, end: span.end };
      if (cell.row < r) read.carried = true;
      else after = span.end;
      cells.push(read);
    }
    out.push({ firstLine, lastLine, start, end, cells, grid: { index, row: r } });
  }
  return out;
}
