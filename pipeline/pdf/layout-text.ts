import type { PDFParse } from "pdf-parse";
import type { Table, TableCell } from "../../schemas/table.js";
import { writeTable } from "../tables/text.js";
import { findBorderlessGrids } from "./borderless-tables.js";
import type { Box, Grid, GridCell } from "./grid.js";
import { type PageContent, type PdfTextItem, readPageContent } from "./page-content.js";
import { pdfParseChunks } from "./pdf-parse-text.js";
import { findRuledGrids } from "./ruled-tables.js";
import { assessTextLayer } from "./text-layer.js";

/**
 * A typed PDF page's text with its tables written the way every backend writes tables: one row per
 * line, cells separated by "\t" (a merged cell's text at its top-left position, the positions it
 * covers empty, as the DOCX backend does). Everything outside the tables is pdf-parse's text,
 * unchanged: it reproduces typed prose exactly.
 */
export interface PageLayout {
  text: string;
  /** The tables written into `text`, each cell's `span` pointing into it. */
  tables: Table[];
}

/** A table needs text in at least this many cells; a drawn box or a lone framed note is not one. */
const MIN_FILLED_CELLS = 2;

/** Where an item sits, for placing it in a cell: the middle of its advance, a third of a font size above the baseline. */
function itemPoint(item: PdfTextItem): { x: number; y: number } {
  return { x: item.x + Math.max(0, item.width) / 2, y: item.y - item.fontSize / 3 };
}

function contains(box: Box, x: number, y: number, slack = 1): boolean {
  return x >= box.x0 - slack && x <= box.x1 + slack && y >= box.y0 - slack && y <= box.y1 + slack;
}

function distance(box: Box, x: number, y: number): number {
  const dx = Math.max(box.x0 - x, 0, x - box.x1);
  const dy = Math.max(box.y0 - y, 0, y - box.y1);
  return Math.hypot(dx, dy);
}

/** The cell of `grid` holding the point (the nearest one when it falls on a border). */
function cellAt(grid: Grid, x: number, y: number): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  grid.cells.forEach((cell, k) => {
    const d = contains(cell.box, x, y, 0) ? 0 : distance(cell.box, x, y);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  });
  return best;
}

/**
 * A cell's text from its items (in content order, as pdf-parse reads them): their pdf-parse text
 * with every run of white space made one space, and a space between two items on different lines
 * that pdf-parse would have glued. Lines of a cell are joined with a space, so list items keep the
 * markers they are printed with ("- Triển khai … - Tham mưu …").
 */
function cellText(items: readonly PdfTextItem[], chunks: readonly string[]): string {
  let text = "";
  let previous: PdfTextItem | undefined;
  items.forEach((item, k) => {
    const chunk = chunks[k] ?? "";
    const newLine = previous !== undefined && Math.abs(item.y - previous.y) > previous.fontSize / 2;
    if (newLine && !/\s$/u.test(text) && !/^\s/u.test(chunk)) text += " ";
    text += chunk;
    if (item.str.trim() !== "") previous = item;
  });
  return text.replace(/\s+/gu, " ").trim();
}

/** A grid and its items turned into the shared table model (no spans yet). */
function tableOf(
  page: number,
  grid: Grid,
  cellItems: Map<GridCell, { items: PdfTextItem[]; chunks: string[] }>,
): Table {
  const cells: TableCell[] = grid.cells.map((cell) => {
    const content = cellItems.get(cell);
    return {
      row: cell.row,
      col: cell.col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      text: content ? cellText(content.items, content.chunks) : "",
      confidence: null,
      box: cell.box,
    };
  });
  return {
    page,
    rows: grid.ys.length - 1,
    cols: grid.xs.length - 1,
    cells,
    source: "pdf-text",
    // Boxes are in PDF points: pixels of the page drawn at 72 dpi.
    dpi: 72,
    box: grid.box,
  };
}

/**
 * Lays out one page from its content: finds ruled tables (from its rules) and borderless ones (from
 * aligned columns elsewhere), and writes each at the place of its first item in pdf-parse's text,
 * on lines of its own. A page without tables gets pdf-parse's text exactly.
 */
export function layoutPageText(content: PageContent): PageLayout {
  const chunks = pdfParseChunks(content.items);
  const ruled = findRuledGrids(content.rules);
  const grids = [
    ...ruled,
    ...findBorderlessGrids(
      content.items,
      ruled.map((grid) => grid.box),
    ),
  ];
  if (grids.length === 0) return { text: chunks.join(""), tables: [] };

  // Every item inside a table's area belongs to one of its cells (space items and line ends too).
  const gridOf = new Map<number, Grid>();
  const perCell = new Map<Grid, Map<GridCell, { items: PdfTextItem[]; chunks: string[] }>>();
  content.items.forEach((item, k) => {
    const { x, y } = itemPoint(item);
    const grid = grids.find((g) => contains(g.box, x, y));
    if (!grid) return;
    gridOf.set(k, grid);
    const cells = perCell.get(grid) ?? new Map<GridCell, { items: PdfTextItem[]; chunks: string[] }>();
    perCell.set(grid, cells);
    const cell = grid.cells[cellAt(grid, x, y)] as GridCell;
    const entry = cells.get(cell) ?? { items: [], chunks: [] };
    cells.set(cell, entry);
    entry.items.push(item);
    entry.chunks.push(chunks[k] ?? "");
  });
  const tables = new Map<Grid, Table>();
  for (const grid of grids) {
    const table = tableOf(content.page, grid, perCell.get(grid) ?? new Map());
    if (table.cells.filter((cell) => cell.text !== "").length >= MIN_FILLED_CELLS) tables.set(grid, table);
  }
  if (tables.size === 0) return { text: chunks.join(""), tables: [] };

  let text = "";
  const written: Table[] = [];
  const emitted = new Set<Grid>();
  let afterTable = false;
  content.items.forEach((_, k) => {
    const grid = gridOf.get(k);
    const table = grid ? tables.get(grid) : undefined;
    if (grid && table) {
      if (emitted.has(grid)) return;
      emitted.add(grid);
      if (text !== "" && !text.endsWith("\n")) text += "\n";
      const placed = writeTable(table, text.length);
      text += `${placed.text}\n`;
      written.push(placed.table);
      afterTable = true;
      return;
    }
    let chunk = chunks[k] ?? "";
    // The table already ends its line: the line break pdf-parse put before the next item is not needed.
    if (afterTable && chunk.startsWith("\n")) chunk = chunk.slice(1);
    afterTable = false;
    text += chunk;
  });
  return { text, tables: written };
}

/**
 * The text of a usable text-layer page with its tables laid out, from `plainText` (pdf-parse's
 * `getText` text of the page). Falls back to `plainText` unchanged, with no tables, where layout
 * cannot help or cannot be trusted: the text layer is unusable (the page will be OCR'd), the page
 * holds no table, pdf-parse's text cannot be reproduced item by item (another pdf-parse version),
 * or reading the page's drawing fails.
 */
export async function pageTextWithTables(
  parser: PDFParse,
  page: number,
  plainText: string,
): Promise<PageLayout & { fallback?: string }> {
  if (!assessTextLayer(plainText).usable) return { text: plainText, tables: [] };
  try {
    const content = await readPageContent(parser, page);
    if (pdfParseChunks(content.items).join("") !== plainText) {
      return { text: plainText, tables: [], fallback: "pdf-parse's text could not be reproduced" };
    }
    return layoutPageText(content);
  } catch (error) {
    return { text: plainText, tables: [], fallback: error instanceof Error ? error.message : String(error) };
  }
}
