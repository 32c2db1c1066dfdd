import type { PDFParse } from "pdf-parse";
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { documentOf, loadPdfjs } from "./pdfjs.js";
import { PAPER_INCHES, type PageSize, type RenderedPage, renderPage } from "./render.js";
import { type DecodedPdfImage, scanImage } from "./scan-pixels.js";
import { findScanPlacement, type ScanPlacement } from "./scan-placement.js";

/** The image OCR reads for one PDF page, and where it came from. */
export interface PageImage extends RenderedPage {
  /**
   * `embedded`: the page is a scan and this is its own image, at its own resolution (greyscale
   * PNG); `rendered`: the page was drawn by pdfjs at the OCR resolution (PNG).
   */
  source: "embedded" | "rendered";
  /** Why the page was drawn rather than its image taken (for tests and diagnostics). */
  drawnBecause?: string;
}

/**
 * Scans finer than this reach OCR scaled down to it: a 600 dpi A4 scan is 5000×7000 pixels, four
 * times the memory and decoding of 300 dpi, and OCR reads at 200 dpi anyway.
 */
export const MAX_SCAN_DPI = 400;
/** How long a decoded image may take to arrive from pdfjs's worker before the page is drawn instead. */
const IMAGE_WAIT_MS = 30_000;

/**
 * The image OCR should read for one page (counted from 1) of a PDF. A scanned page (one image
 * covering the page, nothing else painted: pipeline/pdf/scan-placement.ts) gives its embedded
 * image as stored, grey and upright as the page shows it, with the resolution it has on the page:
 * drawing it at 200 dpi would resample the scan a second time (a 300 dpi scan squeezed, a 200 dpi
 * one shifted onto another grid) and blur the small print OCR needs (hỏi/sắc tone marks, the dots
 * of "i", table rules). Every other page (text with images, vector drawings, several images,
 * anything unusual, or an image pdfjs cannot hand over) is drawn by pdfjs at `targetDpi`, as the
 * PDF backend always did. The PDF backend and the benchmarks both read pages through this.
 * Measured on the fixture scans: the image is ready 2–3× sooner, and OCR no longer depends on how
 * a PDF producer rounded the page size (wrapped as img2pdf's A4, a fraction of a point off the
 * scan's own size, drawing raised whole-document CER from 0.36% to 0.48% at 200 dpi).
 */
export async function pageImage(
  parser: PDFParse,
  page: number,
  size: PageSize,
  targetDpi: number,
): Promise<PageImage> {
  let drawnBecause: string;
  try {
    const scan = await embeddedScan(parser, page, Math.max(MAX_SCAN_DPI, targetDpi));
    if ("image" in scan) return scan;
    drawnBecause = scan.reason;
  } catch (error) {
    drawnBecause = `embedded image unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
  const drawn = await renderPage(parser, page, size, targetDpi);
  return { ...drawn, source: "rendered", drawnBecause };
}

/**
 * The embedded image of a scanned page, or why the page is not a plain scan. pdfjs decodes the
 * image while it builds the page's operator list; the page's objects are released afterwards so
 * a long scan does not keep every decoded page in memory.
 */
export async function embeddedScan(
  parser: PDFParse,
  pageNumber: number,
  maxDpi = MAX_SCAN_DPI,
): Promise<PageImage | { reason: string }> {
  const [pdfjs, doc] = await Promise.all([loadPdfjs(), documentOf(parser)]);
  const page = await doc.getPage(pageNumber);
  try {
    // The annotation mode page drawing uses, so both look at the same operators.
    const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE_FORMS });
    const viewport = page.getViewport({ scale: 1 });
    const placement = findScanPlacement(list.fnArray, list.argsArray, pdfjs.OPS, viewport);
    if (!("image" in placement)) return placement;
    const decoded = await decodedImage(page, placement);
    if (!decoded.data) return { reason: "pdfjs kept the image as a bitmap" };
    const scan = await scanImage(decoded, placement, pdfjs.ImageKind, {
      maxDpi,
      minPaperInches: PAPER_INCHES.min,
      maxPaperInches: PAPER_INCHES.max,
    });
    return scan.dpi === undefined
      ? { image: scan.image, source: "embedded" }
      : { image: scan.image, dpi: scan.dpi, source: "embedded" };
  } finally {
    page.cleanup();
  }
}

/** The decoded pixels of the placement's image: inline images carry them, named ones are fetched. */
async function decodedImage(page: PDFPageProxy, placement: ScanPlacement): Promise<DecodedPdfImage> {
  if (typeof placement.image !== "string") return placement.image as DecodedPdfImage;
  const name = placement.image;
  // pdfjs keeps images shared between pages ("g_…") with the document, the others with the page.
  const objects = name.startsWith("g_") ? page.commonObjs : page.objs;
  if (objects.has(name)) return objects.get(name) as DecodedPdfImage;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<DecodedPdfImage>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error("the decoded image never arrived")), IMAGE_WAIT_MS);
      objects.get(name, (image: unknown) => resolve(image as DecodedPdfImage));
    });
  } finally {
    clearTimeout(timer);
  }
}
