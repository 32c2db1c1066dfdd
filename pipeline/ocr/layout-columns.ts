import type { Box, LayoutItem } from "./layout.js";

/** An interval of x (or y) in page pixels, `[from, to]`. */
export type Span = [number, number];

/** A borderless table needs at least this many columns: two columns are a header or a signature block. */
const MIN_COLUMNS = 3;
/** …and at least this many text rows holding words in three columns or more. */
const MIN_FULL_ROWS = 3;
/**
 * A row opens a table where two gaps between its words are at least this many line heights wide:
 * words of a sentence are a third of a line height apart, half a line where justified prose
 * stretches its spaces; the columns of a table stand apart by a cell's margins or more.
 */
const OPEN_GAP_LINES = 1;
/**
 * Below the opening row, a gutter is a strip of white no row's words cross, at least this many
 * line heights wide: the cells' margins where a long task fills its column on every line.
 */
const KEEP_GAP_LINES = 0.6;
/** Rows a gutter must stay white through before a row that crosses it ends the table. */
const ESTABLISHED_ROWS = 2;
/** White space taller than this many line heights ends a table (a table's rows are closer). */
const ROW_BREAK_LINES = 2.5;

/** A borderless table found among a page's text rows: the rows it holds and its columns. */
export interface ColumnTable {
  /** Index of its first text row and one past its last, among the rows it was found in. */
  first: number;
  end: number;
  /** Its text rows, top to bottom, each item a piece of a line. */
  rows: LayoutItem[][];
  /** Column extents, left to right: each column reaches to the middle of the gutters beside it. */
  columns: Span[];
  box: Box;
}

/** The x extents of a row's words (an item's own box where it has no words), left to right, merged. */
function wordSpans(row: LayoutItem[]): Span[] {
  const spans = row
    .flatMap((item): Span[] => (item.words ?? [item]).map((word) => [word.box.x0, word.box.x1]))
    .sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const [x0, x1] of spans) {
    const last = merged[merged.length - 1];
    if (last && x0 <= last[1]) last[1] = Math.max(last[1], x1);
    else merged.push([x0, x1]);
  }
  return merged;
}

/** White gaps between a row's words at least `min` wide. */
function wideGaps(spans: Span[], min: number): Span[] {
  const gaps: Span[] = [];
  for (let i = 1; i < spans.length; i++) {
    const from = (spans[i - 1] as Span)[1];
    const to = (spans[i] as Span)[0];
    if (to - from >= min) gaps.push([from, to]);
  }
  return gaps;
}

/** A gutter and the number of text rows it has stayed white through. */
interface Gutter {
  span: Span;
  age: number;
}

/**
 * The gutters that stay white once a row's words are laid over them: a word inside a gutter
 * narrows it, or splits it in two where both sides stay `min` wide (a column an earlier row left
 * empty, or a wide gap inside a row that is no column at all: the two pieces start over). A row
 * that crosses a gutter which has stayed white for {@link ESTABLISHED_ROWS} rows is no row of the
 * table (prose below it): null. A younger gutter it crosses was a gap, not a column: dropped.
 */
function keepGutters(gutters: Gutter[], spans: Span[], min: number): Gutter[] | null {
  const out: Gutter[] = [];
  for (const { span, age } of gutters) {
    let pieces: Span[] = [span];
    for (const [x0, x1] of spans) {
      pieces = pieces.flatMap(([from, to]): Span[] => {
        if (x1 <= from || x0 >= to) return [[from, to]];
        const sides: Span[] = [
          [from, x0],
          [x1, to],
        ];
        return sides.filter(([a, b]) => b - a >= min);
      });
    }
    if (pieces.length === 0 && age >= ESTABLISHED_ROWS) return null;
    if (pieces.length === 1) out.push({ span: pieces[0] as Span, age: age + 1 });
    else out.push(...pieces.map((piece) => ({ span: piece, age: 0 })));
  }
  return out;
}

/** White strips at least `min` wide that no row's words cross, between the band's first and last words. */
function whiteStrips(band: LayoutItem[][], min: number): Span[] {
  return wideGaps(wordSpans(band.flat()), min);
}

const itemsBox = (items: LayoutItem[]): Box => ({
  x0: Math.min(...items.map((i) => i.box.x0)),
  y0: Math.min(...items.map((i) => i.box.y0)),
  x1: Math.max(...items.map((i) => i.box.x1)),
  y1: Math.max(...items.map((i) => i.box.y1)),
});

/**
 * Finds a borderless table (columns aligned by white space, no rules) that starts at text row
 * `index`: the row has two wide gaps between its words (three columns or more); the rows below
 * belong to the table as long as none crosses an established gutter (see keepGutters) and no
 * white space taller than a few lines comes between. The columns are then the white strips the
 * whole band leaves. It must have three columns or more and three rows with words in three
 * columns or more; otherwise there is no table (null), and a two-column block (header,
 * signature) is left to the reading order.
 */
export function columnTableAt(rows: LayoutItem[][], index: number, lineHeight: number): ColumnTable | null {
  const start = rows[index];
  if (!start || start.some((item) => item.block)) return null;
  let gutters: Gutter[] = wideGaps(wordSpans(start), OPEN_GAP_LINES * lineHeight).map((span) => ({
    span,
    age: 0,
  }));
  if (gutters.length < MIN_COLUMNS - 1) return null;
  let end = index + 1;
  let bottom = Math.max(...start.map((item) => item.box.y1));
  while (end < rows.length) {
    const row = rows[end] as LayoutItem[];
    if (row.some((item) => item.block)) break;
    if (Math.min(...row.map((item) => item.box.y0)) - bottom > ROW_BREAK_LINES * lineHeight) break;
    const kept = keepGutters(gutters, wordSpans(row), KEEP_GAP_LINES * lineHeight);
    if (!kept || kept.length < MIN_COLUMNS - 1) break;
    gutters = kept;
    bottom = Math.max(bottom, ...row.map((item) => item.box.y1));
    end++;
  }
  const band = rows.slice(index, end);
  const box = itemsBox(band.flat());
  // The columns are what the whole band leaves white: a gutter that opened below the first row
  // (a numbering column under an empty header cell) counts as well.
  const columns: Span[] = [];
  let left = box.x0;
  for (const [from, to] of whiteStrips(band, KEEP_GAP_LINES * lineHeight)) {
    columns.push([left, (from + to) / 2]);
    left = (from + to) / 2;
  }
  columns.push([left, box.x1]);
  const table: ColumnTable = { first: index, end, rows: band, columns, box };
  if (columns.length < MIN_COLUMNS) return null;
  const full = band.filter(
    (row) => rowCells(row, columns).filter((cell) => cell !== "").length >= MIN_COLUMNS,
  );
  return full.length >= MIN_FULL_ROWS ? table : null;
}

/** The column a word (or item) whose middle lies at `x` belongs to. */
export function columnAt(columns: Span[], x: number): number {
  const found = columns.findIndex(([, to]) => x < to);
  return found < 0 ? columns.length - 1 : found;
}

/** A text row's cells: its words put in their columns, joined by spaces left to right. */
function rowCells(row: LayoutItem[], columns: Span[]): string[] {
  const cells = Array<string>(columns.length).fill("");
  const words = row
    .flatMap((item) => item.words ?? [{ text: item.text, box: item.box }])
    .sort((a, b) => a.box.x0 - b.box.x0);
  for (const word of words) {
    const col = columnAt(columns, (word.box.x0 + word.box.x1) / 2);
    const text = word.text.trim();
    if (text) cells[col] = cells[col] ? `${cells[col]} ${text}` : text;
  }
  return cells;
}

/**
 * A borderless table's rows from its words alone (no image to look at): each text row's words in
 * their columns; a text row whose first column is empty continues the row above (cells wrapped
 * over several lines). The page reader reads tables from the image instead (columns-grid.ts);
 * this is the reading order's fallback.
 */
export function columnRows(table: ColumnTable): string[][] {
  const out: string[][] = [];
  for (const row of table.rows) {
    const cells = rowCells(row, table.columns);
    const previous = out[out.length - 1];
    if (previous && cells[0] === "") {
      cells.forEach((cell, i) => {
        if (cell !== "") previous[i] = previous[i] ? `${previous[i]} ${cell}` : cell;
      });
    } else out.push(cells);
  }
  return out;
}
