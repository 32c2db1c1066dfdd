import type { PDFParse } from "pdf-parse";
import { documentOf, loadPdfjs } from "./pdfjs.js";
import { type Matrix, type OperatorCodes, type RuleSegment, rulesFromOperators } from "./rules.js";

/**
 * One text item of a page as pdfjs gives it (a run of glyphs in one font on one baseline), with
 * its position in page points, origin at the top left, y growing downwards (pdfjs's viewport at
 * scale 1, the coordinates pdf-parse uses).
 */
export interface PdfTextItem {
  /** Position in the page's text content: the order pdf-parse writes the items in. */
  index: number;
  str: string;
  /** Start of the baseline. */
  x: number;
  y: number;
  /** Advance width along the baseline, in points. */
  width: number;
  /** pdfjs's `height` (0 for the space items it inserts): pdf-parse's line logic reads it. */
  height: number;
  /** Font size in points (from the text matrix, so space items have one too). */
  fontSize: number;
  hasEOL: boolean;
}

/** What a page holds for layout analysis: its text items in content order and its ruling lines. */
export interface PageContent {
  /** Page number, counted from 1. */
  page: number;
  /** Size in points, after the page's /Rotate. */
  width: number;
  height: number;
  items: PdfTextItem[];
  rules: RuleSegment[];
}

/**
 * Reads one page's (counted from 1) text items, with the options pdf-parse's `getText` uses, and
 * the ruling lines its drawing operators paint.
 */
export async function readPageContent(parser: PDFParse, pageNumber: number): Promise<PageContent> {
  const [pdfjs, doc] = await Promise.all([loadPdfjs(), documentOf(parser)]);
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    const items: PdfTextItem[] = [];
    content.items.forEach((item, index) => {
      if (!("str" in item)) return;
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
      const [x = 0, y = 0] = viewport.convertToViewportPoint(e, f);
      const fontSize = Math.hypot(c, d) || Math.hypot(a, b);
      items.push({
        index,
        str: item.str,
        x,
        y,
        width: item.width,
        height: item.height,
        fontSize,
        hasEOL: item.hasEOL,
      });
    });
    const operators = await page.getOperatorList();
    const codes: OperatorCodes = pdfjs.OPS;
    const rules = rulesFromOperators(
      operators.fnArray,
      operators.argsArray,
      codes,
      viewport.transform as unknown as Matrix,
    );
    return { page: pageNumber, width: viewport.width, height: viewport.height, items, rules };
  } finally {
    page.cleanup();
  }
}
