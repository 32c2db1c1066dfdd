import type { Table, TableCell } from "../../schemas/table.js";
import type { InkMask } from "./binarise.js";
import type { GridCell, TableGrid } from "./grid-lattice.js";
import type { GreyPage } from "./preprocess.js";
import type { Recognise } from "./recognition.js";
import { CELL_SCALE, cellCutter, readTable } from "./table-reader.js";

/** Share of a first column's numbers that must count the rows for it to be a numbering column. */
const NUMBERING_SHARE = 0.6;

/**
 * Reads a borderless table's grid (columns-grid.ts) cell by cell, as a ruled table's cells are
 * read (table-reader.ts), then checks its numbering: a first column that counts the rows ("1",
 * "2", "3" …) is a sequence, and a number that breaks it ("5" where "9" stands between "8" and the
 * end) is read again as one line of digits. Tesseract's block mode misreads a lone digit more
 * often than its line mode does. The second reading is kept only when it is the number the
 * sequence expects; otherwise the first stays, never guessed.
 */
export async function readColumnGrid(
  page: GreyPage,
  mask: InkMask,
  grid: TableGrid,
  recognise: Recognise,
  pageNumber: number,
): Promise<Table> {
  const table = await readTable(page, mask, grid, recognise, pageNumber);
  const expected = numbering(table.cells.filter((cell) => cell.col === 0));
  const cut = cellCutter(page, mask, grid.ruleThickness);
  const cells = await Promise.all(
    table.cells.map(async (cell): Promise<TableCell> => {
      const want = expected.get(cell.row);
      const place = grid.cells.find((g: GridCell) => g.row === cell.row && g.col === cell.col);
      // Only a short reading can be a misread number; "Tổng cộng" below the numbers is no number.
      if (want === undefined || cell.col !== 0 || cell.text === want || cell.text.length > 3 || !place)
        return cell;
      const image = await cut(place.quad, CELL_SCALE);
      if (!image) return cell;
      const again = await recognise(image.page, { mode: "line", whitelist: "0123456789" });
      const value = again.text.replace(/\s+/gu, "");
      return value === want ? { ...cell, text: value, confidence: again.confidence } : cell;
    }),
  );
  return { ...table, cells, source: "ocr-columns" };
}

/**
 * The number each row of a numbering column should hold, by row: where most of the column's
 * whole numbers equal their row plus one fixed offset (the header row has none, so "1" stands in
 * row 1), the column counts the rows. Empty when it does not.
 */
function numbering(column: TableCell[]): Map<number, string> {
  const offsets = new Map<number, number>();
  let numbers = 0;
  for (const cell of column) {
    if (!/^\d{1,3}$/u.test(cell.text)) continue;
    numbers++;
    const offset = Number(cell.text) - cell.row;
    offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
  }
  const [best] = [...offsets.entries()].sort((a, b) => b[1] - a[1]);
  const out = new Map<number, string>();
  if (!best || best[1] < 3 || best[1] < NUMBERING_SHARE * numbers) return out;
  const rows = column.map((cell) => cell.row);
  const first = Math.min(...column.filter((c) => Number(c.text) - c.row === best[0]).map((c) => c.row));
  for (const row of rows) if (row >= first) out.set(row, String(row + best[0]));
  return out;
}
