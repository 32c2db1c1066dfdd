import type { OcrLine } from "./layout.js";
import type { GreyPage } from "./preprocess.js";

/**
 * How tesseract should look at an image: a whole page (automatic layout, PSM 3), one block of
 * text such as a table cell (PSM 6), one line (PSM 7) or one word (PSM 8).
 */
export type RecogniseMode = "page" | "block" | "line" | "word";

/** One request to the OCR workers. */
export interface RecogniseRequest {
  mode: RecogniseMode;
  /** Characters tesseract may choose from (numeric cells); all of the model's when absent. */
  whitelist?: string;
  /** Let tesseract find and undo the page's skew first (whole pages only). */
  deskew?: boolean;
  /** Return the lines with their words' boxes (for reading order); costs a little. */
  withLines?: boolean;
}

/** What tesseract read in one image. */
export interface Recognition {
  text: string;
  /** Mean word confidence, 0..1 (0 when no word was found). */
  confidence: number;
  /** Lines with word boxes, when asked for; boxes are in the (deskewed) image's pixels. */
  lines: OcrLine[];
}

/** Reads one greyscale image on one of the engine's workers. */
export type Recognise = (image: GreyPage, request: RecogniseRequest) => Promise<Recognition>;

/** The parts of tesseract.js's block tree this module reads. */
interface TreeBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TreeBlock {
  paragraphs: { lines: { bbox: TreeBox; words: { text: string; bbox: TreeBox }[] }[] }[];
}

/** Flattens tesseract's block → paragraph → line → word tree into lines numbered by paragraph. */
export function linesOfBlocks(blocks: readonly TreeBlock[] | null | undefined): OcrLine[] {
  const lines: OcrLine[] = [];
  let paragraph = 0;
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        lines.push({
          paragraph,
          box: { ...line.bbox },
          words: line.words.map((word) => ({ text: word.text, box: { ...word.bbox } })),
        });
      }
      paragraph++;
    }
  }
  return lines;
}
