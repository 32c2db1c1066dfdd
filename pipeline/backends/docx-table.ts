import type { Table, TableCell } from "../../schemas/table.js";

/** One `<td>`/`<th>` of mammoth's HTML: the cell's one-line text and its merges. */
export interface DocxCellInput {
  text: string;
  /** From `colspan` (Word's `w:gridSpan`). */
  colSpan: number;
  /** From `rowspan` (mammoth turns a `w:vMerge` restart/continue run into one cell with a rowspan). */
  rowSpan: number;
}

/** A Word table's model before it is placed on a page (the page writer sets `page`). */
export type DocxGrid = Omit<Table, "page">;

/** A cell placed on the grid, before empty rows are dropped. */
interface Placed {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/**
 * Places the cells of each `<tr>` on the grid the way a browser (and Word) does: a cell takes the
 * first column of its row that no rowspan from above still covers; a merged cell covers
 * `rowSpan × colSpan` positions.
 */
function place(rows: readonly (readonly DocxCellInput[])[]): Placed[] {
  const covered: boolean[][] = rows.map(() => []);
  const placed: Placed[] = [];
  rows.forEach((cells, row) => {
    const taken = covered[row] ?? [];
    let col = 0;
    for (const cell of cells) {
      while (taken[col]) col++;
      // A rowspan past the last row is cut there: nothing below the table can be merged into it.
      const rowSpan = Math.min(cell.rowSpan, rows.length - row);
      placed.push({ row, col, rowSpan, colSpan: cell.colSpan, text: cell.text });
      for (let r = row; r < row + rowSpan; r++) {
        const line = covered[r] ?? [];
        for (let c = col; c < col + cell.colSpan; c++) line[c] = true;
      }
      col += cell.colSpan;
    }
  });
  return placed;
}

/**
 * The table model of one Word table (source "docx"), from the cells of each of its rows in
 * document order. Merged cells appear once, at their top-left grid position, with their spans.
 *
 * Rows in which no cell starts with text are left out, as the page text leaves them out (Word
 * tables often carry empty spacer rows); a merged cell that ran through such a row loses it from
 * its rowSpan, and one that started in it moves down to the first row it covers that is kept, so
 * `rows` is the number of lines the table takes in the text. Columns: the widest row, merges
 * included. Cells carry no `span` yet: {@link writeTable} adds them where the table is written.
 * Returns null when no cell holds any text.
 */
export function docxTable(rows: readonly (readonly DocxCellInput[])[]): DocxGrid | null {
  const placed = place(rows);
  const kept = rows.map(() => false);
  for (const cell of placed) if (cell.text !== "") kept[cell.row] = true;
  const newRow: number[] = [];
  let count = 0;
  for (const keep of kept) {
    newRow.push(count);
    if (keep) count++;
  }
  if (count === 0) return null;
  const cells: TableCell[] = [];
  for (const cell of placed) {
    let first = -1;
    let span = 0;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      if (!kept[r]) continue;
      if (first === -1) first = r;
      span++;
    }
    if (first === -1) continue; // an empty cell lying only in dropped rows
    cells.push({
      row: newRow[first] as number,
      col: cell.col,
      rowSpan: span,
      colSpan: cell.colSpan,
      text: cell.text,
      confidence: null,
    });
  }
  const cols = Math.max(...cells.map((cell) => cell.col + cell.colSpan));
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { rows: count, cols, cells, source: "docx" };
}
