import { z } from "zod";

/**
 * Where a piece of a table lies in the raw text of its page (end excluded): the table is written
 * into the page text one row per line, cells separated by "\t", so every cell has a span there,
 * and the normaliser's offset map carries it on to the document's normalised text.
 */
export const TextSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextSpan = z.infer<typeof TextSpan>;

/** A box on the page image, in pixels of the image the table was found in (see `Table.dpi`). */
export const PixelBox = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type PixelBox = z.infer<typeof PixelBox>;

/**
 * One cell of a table. Merged cells appear once, at their top-left grid position, with their
 * spans; the grid positions they cover have no cell of their own.
 */
export const TableCell = z.object({
  /** Grid row and column, counted from 0. */
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  /** The cell's text on one line: line breaks inside the cell become spaces; never a tab. */
  text: z.string(),
  /** OCR confidence 0..1; null where the text was not recognised from an image, or the cell is empty. */
  confidence: z.number().min(0).max(1).nullable(),
  /**
   * The cell's text in the page's raw text, when the table was written into it; in the output, its
   * exact slice of the document's normalised text.
   */
  span: TextSpan.optional(),
  /** Where the cell lies on the page image (OCR only). */
  box: PixelBox.optional(),
});
export type TableCell = z.infer<typeof TableCell>;

/** How a table was found. */
export const TableSource = z.enum([
  /** Ruled grid found in a page image, each cell read by OCR. */
  "ocr-grid",
  /** Borderless table in a page image (columns aligned by white space), each cell read by OCR. */
  "ocr-columns",
  /** A Word table (mammoth's HTML, merged cells from colspan/rowspan). */
  "docx",
  /** A PDF text layer: cells from text positions (and rules, where drawn). */
  "pdf-text",
  /** A text or Markdown file: tab- or pipe-separated lines. */
  "text",
]);
export type TableSource = z.infer<typeof TableSource>;

/**
 * A table, whatever the input format: a grid of `rows` × `cols` positions holding cells. Small and
 * serialisable (plain JSON); the same model for OCR'd scans, DOCX and typed PDFs.
 */
export const Table = z.object({
  /** Page of the document, counted from 1. */
  page: z.number().int().positive(),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  cells: z.array(TableCell),
  source: TableSource,
  /**
   * The whole table, first row's start to last row's end: in the page's raw text as a backend
   * reads it, in the document's normalised text in the output (like the cells' spans).
   */
  span: TextSpan.optional(),
  /** Resolution of the image that `box` coordinates refer to (OCR only). */
  dpi: z.number().positive().optional(),
  box: PixelBox.optional(),
});
export type Table = z.infer<typeof Table>;
