import type { Table } from "../../schemas/table.js";

/**
 * One OCR'd image: its text in reading order (ruled tables written in, one row per line, cells
 * separated by "\t") and tesseract's mean confidence scaled to 0..1.
 */
export interface OcrPageResult {
  text: string;
  confidence: number;
  /** Degrees the image was turned clockwise before reading it upright (0, 90, 180, 270). */
  rotation: number;
  /** Ruled tables read cell by cell; each cell's `span` points into `text`. Absent: none found. */
  tables?: Table[];
}

/** Options for reading one image. */
export interface OcrOptions {
  signal?: AbortSignal;
  /** Detect a page turned by 90/180/270° and read it upright (default true). */
  detectRotation?: boolean;
  /** Page of a multi-page image (TIFF) to read, counted from 0 (default 0). */
  page?: number;
  /**
   * Resolution the image was rendered or scanned at, when the caller knows it (a PDF page it
   * rendered). Otherwise it comes from the image's own density, or the image is taken for an A4 page.
   */
  dpi?: number;
  /** Find ruled tables and read them cell by cell (default true). */
  tables?: boolean;
  /**
   * Put the lines in reading order, two-column blocks left column first (default true); false
   * keeps tesseract's own text (for comparisons).
   */
  layout?: boolean;
  /** The page's number in its document (from 1), given to the tables found on it (default 1). */
  pageNumber?: number;
}

/**
 * The OCR service backends use. One engine is shared by a whole batch so tesseract workers are
 * reused (a scheduler), never created per page.
 */
export interface OcrEngine {
  /** Reads an encoded image (PNG, JPEG, TIFF …). */
  recognise(image: Buffer, options?: OcrOptions): Promise<OcrPageResult>;
  terminate(): Promise<void>;
}
