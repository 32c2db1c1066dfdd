import type { Table } from "../../schemas/table.js";
import { writeTable } from "../tables/text.js";
import { binarise, type InkMask } from "./binarise.js";
import { insetQuad, insideQuad } from "./cell-image.js";
import { columnGrid } from "./columns-grid.js";
import { readColumnGrid } from "./columns-reader.js";
import { findTableGrids, type TableGrid } from "./grid-lattice.js";
import { findColumnTables, type LayoutItem, layoutText, splitLines } from "./layout.js";
import type { ColumnTable } from "./layout-columns.js";
import { type GreyPage, turnPage } from "./preprocess.js";
import { readingFrame } from "./reading-frame.js";
import type { Recognise } from "./recognition.js";
import { readTable } from "./table-reader.js";

/** One page read: its text in reading order, with its tables written in, and the tables themselves. */
export interface PageReading {
  text: string;
  /** 0..1: tesseract's mean word confidence, over the page text and every table cell by characters. */
  confidence: number;
  tables: Table[];
}

/** How {@link readPage} reads. */
export interface ReadPageOptions {
  /** Find ruled and borderless tables and read them cell by cell (default true). */
  tables?: boolean;
  /** Page number the tables are given (counted from 1). */
  pageNumber?: number;
  /** Put lines in reading order (default true); false keeps tesseract's text of a page without tables. */
  layout?: boolean;
}

/** Skew below this (degrees) is left alone when a table page is straightened. */
const STRAIGHT_ENOUGH = 0.15;

/**
 * Reads one upright page. A page without ruled tables is read whole by tesseract (automatic layout,
 * deskewed) and its lines are put in reading order (two-column headers and signature blocks
 * left column first); where its words stand in three columns or more, row after row, they are a
 * borderless table, read again cell by cell (see readColumnTables). A page with ruled tables is
 * straightened by the tilt of their rules, the tables are blanked out and the rest of the page is
 * read whole, while every cell is read on its own (pipeline/ocr/table-reader.ts). Each table is
 * written into the text at its place, one row per line, cells separated by "\t".
 */
export async function readPage(
  page: GreyPage,
  recognise: Recognise,
  options: ReadPageOptions = {},
): Promise<PageReading> {
  let mask = binarise(page);
  let grids = options.tables === false ? [] : findTableGrids(mask, page.dpi);
  if (grids.length === 0) {
    const ordered = options.layout !== false;
    const read = await recognise(page, { mode: "page", deskew: true, withLines: ordered });
    if (!ordered) return { text: read.text, confidence: read.confidence, tables: [] };
    const items = splitLines(read.lines);
    const found = options.tables === false ? { tables: [], lineHeight: 0 } : findColumnTables(items);
    if (found.tables.length === 0)
      return { text: layoutText(items).text, confidence: read.confidence, tables: [] };
    return readColumnTables(page, mask, items, found, read.confidence, recognise, options.pageNumber ?? 1);
  }

  const skew = median(grids.map((grid) => grid.skew));
  if (Math.abs(skew) > STRAIGHT_ENOUGH) {
    page = await turnPage(page, -skew, paperLevel(page.data));
    mask = binarise(page);
    grids = findTableGrids(mask, page.dpi);
  }
  const pageNumber = options.pageNumber ?? 1;
  const [rest, tables] = await Promise.all([
    recognise(blankedOut(page, grids), { mode: "page", withLines: true }),
    Promise.all(grids.map((grid) => readTable(page, mask, grid, recognise, pageNumber))),
  ]);

  const { text, placed } = placeTables(splitLines(rest.lines), tables, page);
  return { text, confidence: combinedConfidence(rest.text, rest.confidence, placed), tables: placed };
}

/**
 * Reads the borderless tables found among a page's words (layout-columns.ts) cell by cell: the
 * page is put in the frame of the words (reading-frame.ts), each table's rows and columns are
 * taken from the ink around its words (columns-grid.ts) and its cells read on their own like a
 * ruled table's. The text above and below stays the page reading's. A table whose grid cannot be
 * found (no ink lines in its first column) is left to the reading order, as text rows.
 */
async function readColumnTables(
  page: GreyPage,
  mask: InkMask,
  items: LayoutItem[],
  found: { tables: ColumnTable[]; lineHeight: number },
  confidence: number,
  recognise: Recognise,
  pageNumber: number,
): Promise<PageReading> {
  const words = items.flatMap((item) => item.words?.map((word) => word.box) ?? []);
  const frame = await readingFrame(page, mask, words, paperLevel(page.data));
  const textRows = items.filter(
    (item) => !found.tables.some((t) => t.rows.some((row) => row.includes(item))),
  );
  const read = await Promise.all(
    found.tables.map(async (table) => {
      const grid = columnGrid(frame.mask, table, found.lineHeight, limitsOf(table, textRows));
      if (!grid) return null;
      return { table, read: await readColumnGrid(frame.page, frame.mask, grid, recognise, pageNumber) };
    }),
  );
  const done = read.filter((entry) => entry !== null);
  const rest = items.filter(
    (item) => !done.some(({ table }) => table.rows.some((row) => row.includes(item))),
  );
  const { text, placed } = placeTables(
    rest,
    done.map(({ read }) => read),
    frame.page,
  );
  const restText = rest.map((item) => item.text).join(" ");
  return { text, confidence: combinedConfidence(restText, confidence, placed), tables: placed };
}

/** The white space a table may take vertically: up to the nearest text above and below it. */
function limitsOf(table: ColumnTable, others: LayoutItem[]): [number, number] {
  const above = others.filter((item) => item.box.y1 <= table.box.y0).map((item) => item.box.y1);
  const below = others.filter((item) => item.box.y0 >= table.box.y1).map((item) => item.box.y0);
  return [Math.max(Number.NEGATIVE_INFINITY, ...above), Math.min(Number.POSITIVE_INFINITY, ...below)];
}

/**
 * Writes the tables into the page text at their places among the text items (one row per line,
 * cells separated by "\t") and gives each cell its span in that text.
 */
function placeTables(
  items: LayoutItem[],
  tables: Table[],
  page: GreyPage,
): { text: string; placed: Table[] } {
  const blocks: LayoutItem[] = tables.map((table, i) => ({
    box: table.box ?? { x0: 0, y0: 0, x1: page.width, y1: page.height },
    text: writeTable(table).text,
    paragraph: -1 - i,
    block: true,
  }));
  const { text, offsets } = layoutText([...items, ...blocks]);
  const placed = tables.map((table, i) => writeTable(table, offsets.get(blocks[i] as LayoutItem) ?? 0).table);
  return { text, placed };
}

/**
 * A copy of the page with every table (and a margin around its outer rules) painted over in the
 * colour of the paper. Pure white on a grey, grainy scan is a sharp-edged rectangle tesseract's
 * layout analysis takes for a picture, and it then drops the text lines next to it.
 */
function blankedOut(page: GreyPage, grids: TableGrid[]): GreyPage {
  const data = Buffer.from(page.data);
  const paper = paperLevel(page.data);
  for (const grid of grids) {
    const outer = insetQuad(grid.outline, -(grid.ruleThickness + 4));
    const xs = outer.map((p) => p.x);
    const ys = outer.map((p) => p.y);
    const x0 = Math.max(0, Math.floor(Math.min(...xs)));
    const x1 = Math.min(page.width - 1, Math.ceil(Math.max(...xs)));
    const y0 = Math.max(0, Math.floor(Math.min(...ys)));
    const y1 = Math.min(page.height - 1, Math.ceil(Math.max(...ys)));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (insideQuad(outer, x, y)) data[y * page.width + x] = paper;
      }
    }
  }
  return { ...page, data };
}

/** The most common light grey level: the paper. */
function paperLevel(pixels: Uint8Array): number {
  const histogram = new Uint32Array(256);
  for (const value of pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  let best = 255;
  for (let value = 128; value < 256; value++) {
    if ((histogram[value] ?? 0) > (histogram[best] ?? 0)) best = value;
  }
  return best;
}

/** Mean confidence over the page text and the table cells, each weighted by its characters. */
function combinedConfidence(text: string, confidence: number, tables: Table[]): number {
  let weight = text.replace(/\s+/gu, "").length;
  let sum = confidence * weight;
  for (const table of tables) {
    for (const cell of table.cells) {
      if (cell.confidence === null) continue;
      const chars = cell.text.replace(/\s+/gu, "").length;
      sum += cell.confidence * chars;
      weight += chars;
    }
  }
  return weight === 0 ? 0 : sum / weight;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
