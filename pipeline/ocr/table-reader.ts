import type { Table, TableCell } from "../../schemas/table.js";
import {
  isNumeric,
  NUMERIC_CHARACTERS,
  type NumericColumn,
  numericColumns,
  repairDigits,
  suspectValue,
} from "../tables/numeric.js";
import type { InkMask } from "./binarise.js";
import { type CellImage, cutCell } from "./cell-image.js";
import type { GridCell, TableGrid } from "./grid-lattice.js";
import type { GreyPage } from "./preprocess.js";
import type { Recognise } from "./recognition.js";

/**
 * Cells cut and waiting for a worker at once: enough to keep the engine's workers busy, few enough
 * that a 200-cell table does not hold 200 cell images.
 */
const CELLS_IN_FLIGHT = 4;
/** Cells are enlarged this much before OCR (see cutCell). */
export const CELL_SCALE = 1.5;
/** A numeric cell that needs a second look is read larger still, from the digits alone. */
const NUMERIC_SCALE = 2;
/** What tesseract makes of a lone short dash in a cell: an equals sign, a low line, a tilde. */
const LONE_DASH_MISREAD = /^[=_~]$/u;
/** The second looks at a numeric cell, in order. */
const REREADS: readonly { binary: boolean; mode: "line" | "word" }[] = [
  { binary: false, mode: "line" },
  { binary: true, mode: "line" },
  { binary: false, mode: "word" },
];
/** Below this confidence a short number ("3", "12") is read again (see unsureShortNumber). */
const UNSURE = 0.5;

/**
 * A short value in a numeric column (a rank, a row number) that tesseract read with little
 * confidence: a lone digit in a block is where its block mode errs most ("4" for "3" at 0.14), and
 * a wrong rank or row number still parses, so the column's format cannot catch it.
 */
function unsureShortNumber(cell: ReadCell): boolean {
  const text = cell.text.replace(/\s+/gu, "");
  return text !== "" && text.length <= 3 && (cell.confidence ?? 1) < UNSURE;
}

/**
 * Cuts the inside of a grid cell out of the page for OCR (see cutCell): the rules (`ruleThickness`
 * pixels thick, 0 for a table without rules) and a margin scaled to the page's resolution are left
 * out, and specks too small for a character at that resolution do not count as ink.
 */
export function cellCutter(
  page: GreyPage,
  mask: InkMask,
  ruleThickness: number,
): (quad: GridCell["quad"], scale: number, binary?: boolean) => Promise<CellImage | null> {
  const inset = ruleThickness / 2 + Math.max(2, Math.round(page.dpi / 70));
  const minInk = Math.max(4, Math.round((page.dpi / 200) ** 2 * 8));
  return (quad, scale, binary = false) => cutCell(page, mask, quad, inset, minInk, scale, binary);
}

/**
 * Joins the lines tesseract read in one cell into the cell's one-line text. A period that
 * tesseract adds after a word at the end of a line (the tail of a "g" read as "."), when the
 * next line goes on in lower case, is dropped: Vietnamese never starts a sentence in lower case,
 * and list items ("a) …", "- …") are left alone.
 */
export function joinCellLines(text: string): string {
  const lines = text
    .split(/\n+/u)
    .map((line) => line.replace(/\s+/gu, " ").trim())
    .filter((line) => line !== "");
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      if (next && /\p{Ll}\.$/u.test(line) && /^\p{Ll}/u.test(next) && !/^\p{Ll}\)/u.test(next)) {
        return line.slice(0, -1);
      }
      return line;
    })
    .join(" ");
}

interface ReadCell {
  grid: GridCell;
  text: string;
  confidence: number | null;
}

/**
 * Reads a ruled table cell by cell: each cell's inside (its rules left out) is OCR'd as one block
 * of text with the page's `vie` model, cells in parallel on the engine's workers. Columns of
 * numbers are then recognised, and a value that does not fit its column ("150" among "0,25",
 * "1,50"; letters in a number) is read again from a larger image with only digits and separators
 * allowed; the second reading is kept only when it is a well-formed number that fits the column.
 * A short number read with little confidence (a rank "4" for "3") is read again the same way and
 * replaced only by a surer reading. Failing that, look-alike letters among digits become digits
 * ("l,50" → "1,50") at half the confidence; a value that still does not fit stays as read, never
 * guessed.
 */
export async function readTable(
  page: GreyPage,
  mask: InkMask,
  grid: TableGrid,
  recognise: Recognise,
  pageNumber: number,
): Promise<Table> {
  const cutQuad = cellCutter(page, mask, grid.ruleThickness);
  const cut = (cell: GridCell, scale: number, binary = false) => cutQuad(cell.quad, scale, binary);

  const cells: ReadCell[] = await mapLimited(grid.cells, CELLS_IN_FLIGHT, async (cell): Promise<ReadCell> => {
    const image = await cut(cell, CELL_SCALE);
    if (!image) return { grid: cell, text: "", confidence: null };
    let read = await recognise(image.page, { mode: "block" });
    // Tesseract's block mode drops a lone short mark ("1", "-") as noise: a cell with ink but no
    // text is read again as one line, then in black and white as one word.
    if (read.text.trim() === "") read = await recognise(image.page, { mode: "line" });
    if (read.text.trim() === "") {
      const binary = await cut(cell, CELL_SCALE, true);
      if (binary) read = await recognise(binary.page, { mode: "word" });
    }
    const text = joinCellLines(read.text);
    // A cell holding only a dash ("nothing to report") is read "=", "_" or "~" from a noisy scan:
    // none of those stands alone in a cell of these tables, a dash does.
    if (LONE_DASH_MISREAD.test(text)) return { grid: cell, text: "-", confidence: read.confidence / 2 };
    return { grid: cell, text, confidence: read.confidence };
  });

  const rows = Array.from({ length: grid.rows }, () => Array<string>(grid.cols).fill(""));
  for (const cell of cells) {
    const row = rows[cell.grid.row];
    if (row) row[cell.grid.col] = cell.text;
  }
  const columns = new Map<number, NumericColumn>(numericColumns(rows).map((c) => [c.col, c]));
  const doubtful = cells.filter((cell) => {
    const column = columns.get(cell.grid.col);
    if (!column || cell.grid.row === 0 || cell.grid.colSpan !== 1) return false;
    return suspectValue(cell.text, column) || unsureShortNumber(cell);
  });
  await mapLimited(doubtful, CELLS_IN_FLIGHT, async (cell) => {
    const column = columns.get(cell.grid.col);
    if (!column) return;
    // A well-formed number read with little confidence is replaced only by a surer reading; a
    // malformed one by any well-formed reading that fits the column.
    const wellFormed = !suspectValue(cell.text, column);
    // Grey, then black and white (a lone soft digit on a photo), then as one word: block and line
    // modes misread a lone digit that word mode reads surely ("4" at 0.14 for a clear "3").
    for (const { binary, mode } of REREADS) {
      const image = await cut(cell.grid, NUMERIC_SCALE, binary);
      if (!image) return;
      const again = await recognise(image.page, { mode, whitelist: NUMERIC_CHARACTERS });
      const value = again.text.replace(/\s+/gu, "");
      if (!isNumeric(value) || suspectValue(value, column)) continue;
      if (wellFormed && again.confidence <= (cell.confidence ?? 0)) continue;
      cell.text = value;
      cell.confidence = again.confidence;
      return;
    }
    if (wellFormed) return;
    // Still no number: a look-alike letter among digits ("l" for "1") in a column of numbers is
    // the digit; the doubt stays in the cell's confidence.
    const repaired = repairDigits(cell.text);
    if (isNumeric(repaired) && !suspectValue(repaired, column)) {
      cell.text = repaired;
      cell.confidence = (cell.confidence ?? 0) / 2;
    }
  });

  return {
    page: pageNumber,
    rows: grid.rows,
    cols: grid.cols,
    source: "ocr-grid",
    dpi: page.dpi,
    box: boxOf(grid.outline),
    cells: cells.map(
      ({ grid: g, text, confidence }): TableCell => ({
        row: g.row,
        col: g.col,
        rowSpan: g.rowSpan,
        colSpan: g.colSpan,
        text,
        confidence: text === "" ? null : confidence,
        box: boxOf(g.quad),
      }),
    ),
  };
}

/** Maps `items` through `task` with at most `limit` tasks running at once; results in input order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

function boxOf(points: { x: number; y: number }[]): { x0: number; y0: number; x1: number; y1: number } {
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    x0: round(Math.min(...points.map((p) => p.x))),
    y0: round(Math.min(...points.map((p) => p.y))),
    x1: round(Math.max(...points.map((p) => p.x))),
    y1: round(Math.max(...points.map((p) => p.y))),
  };
}
