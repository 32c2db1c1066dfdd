import type { InkMask } from "./binarise.js";
import { inkLines, profile, rowCuts, runs } from "./columns-rows.js";
import type { GridCell, Quad, TableGrid } from "./grid-lattice.js";
import type { ColumnTable, Span } from "./layout-columns.js";

/** White kept above and below a table's words (line heights), up to the text outside it. */
const BAND_PAD_LINES = 0.3;
/** Ink looked for beside a table's words, in line heights: a column of numbers OCR dropped. */
const SIDE_REACH_LINES = 4;
/** A column of the band may hold one speck of grain per this many pixels of height and still be white. */
const SPECK_HEIGHT = 500;
/** Columns of ink closer than this (line heights) are one column (as layout-columns' gutters). */
const GUTTER_LINES = 0.6;

const rectangle = (x0: number, y0: number, x1: number, y1: number): Quad => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

/**
 * The grid of a borderless table, from the ink of the page around the words that revealed it
 * (layout-columns.ts), so that every cell can be read on its own like a ruled table's
 * (table-reader.ts). Whole-page OCR drops lone short marks such as the "1", "2" … of a numbering
 * column, so the words alone miss rows and columns:
 * - columns: those the words' gutters give, plus columns of ink just beside them (numbers OCR
 *   dropped), each column reaching to the middle of the gutters beside it;
 * - rows: see columns-rows.ts.
 * `limits` bounds the table vertically (the text rows above and below it). Null when the first
 * column has fewer than two lines of ink: no rows to go by.
 */
export function columnGrid(
  mask: InkMask,
  table: ColumnTable,
  lineHeight: number,
  limits: Span,
): TableGrid | null {
  const pad = Math.round(BAND_PAD_LINES * lineHeight);
  const top = Math.max(0, Math.round(Math.max(limits[0], table.box.y0 - pad)));
  const bottom = Math.min(mask.height, Math.round(Math.min(limits[1], table.box.y1 + pad)));
  const reach = Math.round(SIDE_REACH_LINES * lineHeight);
  const left = Math.max(0, Math.round(table.box.x0 - reach));
  const right = Math.min(mask.width, Math.round(table.box.x1 + reach));
  if (bottom - top < lineHeight || right - left < lineHeight) return null;

  // Columns of ink beside the words' first and last columns.
  const gutter = Math.round(GUTTER_LINES * lineHeight);
  // A few specks of grain down a tall band are no ink: they would bridge a gutter.
  const specks = Math.floor((bottom - top) / SPECK_HEIGHT);
  const inkColumns = runs(profile(mask, left, top, right, bottom, true), specks + 1, gutter).map(
    ([a, b]): Span => [a + left, b + left],
  );
  const textLike = ([a, b]: Span) => inkLines(mask, a, top, b, bottom, lineHeight).length >= 2;
  const columns = table.columns.map(([a, b]): Span => [a, b]);
  for (const [a, b] of inkColumns.filter(([, b]) => b + gutter <= table.box.x0).reverse()) {
    if (!textLike([a, b])) break;
    const next = columns[0] as Span;
    next[0] = (b + next[0]) / 2;
    columns.unshift([a, next[0]]);
  }
  for (const [a, b] of inkColumns.filter(([a]) => a - gutter >= table.box.x1)) {
    if (!textLike([a, b])) break;
    const previous = columns[columns.length - 1] as Span;
    previous[1] = (a + previous[1]) / 2;
    columns.push([previous[1], b]);
  }
  // The outer columns reach to the ink at the table's edges (a letter the words' boxes cut short).
  const head = columns[0] as Span;
  const tail = columns[columns.length - 1] as Span;
  for (const [a, b] of inkColumns) {
    if (a < head[0] && b > head[0]) head[0] = a;
    if (b > tail[1] && a < tail[1]) tail[1] = b;
  }

  const cuts = rowCuts(mask, columns, top, bottom, lineHeight);
  if (!cuts) return null;
  const x0 = Math.round((columns[0] as Span)[0]);
  const x1 = Math.round((columns[columns.length - 1] as Span)[1]);

  const cells: GridCell[] = [];
  for (let row = 0; row + 1 < cuts.length; row++) {
    columns.forEach(([a, b], col) => {
      cells.push({
        row,
        col,
        rowSpan: 1,
        colSpan: 1,
        quad: rectangle(a, cuts[row] as number, b, cuts[row + 1] as number),
      });
    });
  }
  return {
    rows: cuts.length - 1,
    cols: columns.length,
    cells,
    outline: rectangle(x0, top, x1, bottom),
    ruleThickness: 0,
    skew: 0,
  };
}
