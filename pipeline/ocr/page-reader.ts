import type { Table } from "../../schemas/table.js";
import { writeTable } from "../tables/text.js";
import { binarise } from "./binarise.js";
import { insetQuad, insideQuad } from "./cell-image.js";
import { findTableGrids, type TableGrid } from "./grid-lattice.js";
import { type LayoutItem, layoutText, splitLines } from "./layout.js";
import { type GreyPage, turnPage } from "./preprocess.js";
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
  /** Find ruled tables and read them cell by cell (default true). */
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
 * left column first). A page with ruled tables is straightened by the tilt of their rules, the
 * tables are blanked out and the rest of the page is read whole, while every cell is read on its
 * own (pipeline/ocr/table-reader.ts); each table is written into the text at its place, one row per
 * line, cells separated by "\t".
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
    const text = ordered ? layoutText(splitLines(read.lines)).text : read.text;
    return { text, confidence: read.confidence, tables: [] };
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

  const blocks: LayoutItem[] = tables.map((table, i) => ({
    box: table.box ?? { x0: 0, y0: 0, x1: page.width, y1: page.height },
    text: writeTable(table).text,
    paragraph: -1 - i,
    block: true,
  }));
  const { text, offsets } = layoutText([...splitLines(rest.lines), ...blocks]);
  const placed = tables.map((table, i) => writeTable(table, offsets.get(blocks[i] as LayoutItem) ?? 0).table);
  return { text, confidence: combinedConfidence(rest.text, rest.confidence, placed), tables: placed };
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
