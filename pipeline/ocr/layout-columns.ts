import type { LayoutItem } from "./layout.js";

/** A borderless table needs at least this many columns: two columns are a header or a signature block. */
const MIN_COLUMNS = 3;
/** …and at least this many rows holding text in three columns or more. */
const MIN_FULL_ROWS = 3;

/**
 * Reads a band of rows as a borderless table (columns aligned by white space, no rules), when it is
 * one: the columns are the stretches of x covered by the band's items, separated by gutters at
 * least `minGutter` wide; it takes three columns or more, and three rows or more that fill three
 * columns. Each row becomes its cells' texts (items in one column joined by a space); a row whose
 * first column is empty continues the row above (a cell wrapped over two lines). Returns null when
 * the band is no such table (two-column blocks are read column by column instead).
 */
export function borderlessRows(rows: LayoutItem[][], minGutter: number): string[][] | null {
  const spans = rows
    .flat()
    .map((item) => [item.box.x0, item.box.x1] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const columns: [number, number][] = [];
  for (const [x0, x1] of spans) {
    const last = columns[columns.length - 1];
    if (last && x0 - last[1] < minGutter) last[1] = Math.max(last[1], x1);
    else columns.push([x0, x1]);
  }
  if (columns.length < MIN_COLUMNS) return null;
  const columnOf = (item: LayoutItem) =>
    columns.findIndex(([x0, x1]) => item.box.x0 >= x0 && item.box.x1 <= x1);
  const cellsOf = (row: LayoutItem[]) => {
    const cells = Array<string>(columns.length).fill("");
    for (const item of row) {
      const col = columnOf(item);
      cells[col] = cells[col] ? `${cells[col]} ${item.text}` : item.text;
    }
    return cells;
  };
  const full = rows.filter((row) => cellsOf(row).filter((cell) => cell !== "").length >= MIN_COLUMNS);
  if (full.length < MIN_FULL_ROWS) return null;
  const out: string[][] = [];
  for (const row of rows) {
    const cells = cellsOf(row);
    const previous = out[out.length - 1];
    if (previous && cells[0] === "") {
      cells.forEach((cell, i) => {
        if (cell !== "") previous[i] = previous[i] ? `${previous[i]} ${cell}` : cell;
      });
    } else out.push(cells);
  }
  return out;
}
