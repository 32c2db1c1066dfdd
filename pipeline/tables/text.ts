import type { Table, TableCell } from "../../schemas/table.js";

/** A cell's text as it may appear inside a row line: no tabs or line breaks, single spaces. */
export function cellLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Writes a table the way every backend writes tables into page text: one line per grid row, the
 * grid's cells separated by "\t"; a merged cell's text stands at its top-left position and the
 * positions it covers stay empty, so every value stays under its column's header. Rows without
 * any text are left out (as the DOCX backend does). Returns the text and the table with each
 * written cell's `span` (and the table's) counted from `offset`.
 */
export function writeTable(table: Table, offset = 0): { text: string; table: Table } {
  const anchors = new Map<string, TableCell>();
  for (const cell of table.cells) anchors.set(`${cell.row}:${cell.col}`, cell);
  const spans = new Map<TableCell, { start: number; end: number }>();
  const lines: string[] = [];
  let position = offset;
  for (let row = 0; row < table.rows; row++) {
    const texts: string[] = [];
    const cells: (TableCell | undefined)[] = [];
    for (let col = 0; col < table.cols; col++) {
      const cell = anchors.get(`${row}:${col}`);
      cells.push(cell);
      texts.push(cell ? cellLine(cell.text) : "");
    }
    if (texts.every((text) => text === "")) continue;
    if (lines.length > 0) position += 1; // the "\n" before this row
    let at = position;
    texts.forEach((text, col) => {
      const cell = cells[col];
      if (cell) spans.set(cell, { start: at, end: at + text.length });
      at += text.length + 1;
    });
    const line = texts.join("\t");
    lines.push(line);
    position += line.length;
  }
  const text = lines.join("\n");
  const cells = table.cells.map((cell) => {
    const span = spans.get(cell);
    return span ? { ...cell, text: cellLine(cell.text), span } : { ...cell, text: cellLine(cell.text) };
  });
  return {
    text,
    table: { ...table, cells, ...(text ? { span: { start: offset, end: offset + text.length } } : {}) },
  };
}
