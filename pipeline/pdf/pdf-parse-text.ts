import type { PdfTextItem } from "./page-content.js";

/**
 * pdf-parse 2's page text, item by item. `getText` joins a page's text items with newlines where
 * an item ends a line or the baseline jumps, and a tab where a same-line item starts far from the
 * previous one; its text reproduces typed prose exactly, so the layout reader keeps it for
 * everything outside tables. This is the same walk (pdf-parse's `getPageText` with its default
 * parameters) returning what each item contributes, so a table's items can be taken out and the
 * rest stays as pdf-parse wrote it. `chunks.join("")` equals `getText`'s page text: the layout
 * reader checks that before using it.
 */

/** pdf-parse's defaults: `lineThreshold`, `cellThreshold`, `cellSeparator`. */
const LINE_THRESHOLD = 4.6;
const CELL_THRESHOLD = 7;
const CELL_SEPARATOR = "\t";

/** The text each item contributes to pdf-parse's page text (newlines it caused included), in item order. */
export function pdfParseChunks(items: readonly PdfTextItem[]): string[] {
  const chunks: string[] = [];
  let lastPushed: string | undefined;
  let lastX: number | undefined;
  let lastY: number | undefined;
  let lineHeight = 0;
  for (const item of items) {
    let chunk = "";
    const push = (piece: string) => {
      chunk += piece;
      lastPushed = piece;
    };
    let str = item.str;
    const { x, y } = item;
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const startsNewLine = str.startsWith("\n") || (str.trim() === "" && item.hasEOL);
      if (lastPushed?.endsWith("\n") === false && !startsNewLine) {
        if (Math.abs(lastY - y) - 1 > lineHeight) {
          push("\n");
          lineHeight = 0;
        }
      }
    }
    if (lastY !== undefined && Math.abs(lastY - y) < LINE_THRESHOLD) {
      if (lastX !== undefined && Math.abs(lastX - x) > CELL_THRESHOLD) str = `${CELL_SEPARATOR}${str}`;
    }
    push(str);
    lastX = x + item.width;
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height);
    if (item.hasEOL) push("\n");
    if (item.hasEOL || str.endsWith("\n")) lineHeight = 0;
    chunks.push(chunk);
  }
  return chunks;
}
