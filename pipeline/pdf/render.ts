import type { PDFParse } from "pdf-parse";

/** A PDF page drawn as an image for OCR. */
export interface RenderedPage {
  /** PNG bytes. */
  image: Buffer;
  /**
   * The resolution it was drawn at, when the page has a real paper size. Absent for pages whose
   * declared size is absurd (a scan wrapped at 72 dpi becomes a 34-inch page): OCR then sizes it
   * as an A4 page.
   */
  dpi?: number;
}

/** Size of a page in PDF points (1/72 inch), after its /Rotate. */
export interface PageSize {
  width: number;
  height: number;
}

const POINTS_PER_INCH = 72;
/** Pages whose long side lies outside this range (inches) do not have a believable paper size. */
export const PAPER_INCHES = { min: 3, max: 20 } as const;
/** Long side given to pages without a believable size: an A4 page at 200 dpi. */
const FALLBACK_LONG_SIDE_PIXELS = 2339;

/**
 * The scale (pixels per point) to draw a page at so that OCR gets `targetDpi`, and the resolution
 * to report. Drawing straight at the OCR resolution is cheaper than drawing at 300 dpi and scaling
 * down, and pdfjs's anti-aliased rendering at 200 dpi reads as well.
 */
export function renderScale(size: PageSize, targetDpi: number): { scale: number; dpi?: number } {
  const longSidePoints = Math.max(size.width, size.height, 1);
  const inches = longSidePoints / POINTS_PER_INCH;
  if (inches >= PAPER_INCHES.min && inches <= PAPER_INCHES.max) {
    return { scale: targetDpi / POINTS_PER_INCH, dpi: targetDpi };
  }
  return { scale: FALLBACK_LONG_SIDE_PIXELS / longSidePoints };
}

/** Draws one page (counted from 1) with pdfjs on @napi-rs/canvas, as pdf-parse's screenshot does. */
export async function renderPage(
  parser: PDFParse,
  page: number,
  size: PageSize,
  targetDpi: number,
): Promise<RenderedPage> {
  const { scale, dpi } = renderScale(size, targetDpi);
  const shot = await parser.getScreenshot({ partial: [page], scale, imageDataUrl: false, imageBuffer: true });
  const drawn = shot.pages[0];
  if (!drawn || drawn.data.length === 0) throw new Error(`page ${page} could not be drawn`);
  const image = Buffer.from(drawn.data.buffer, drawn.data.byteOffset, drawn.data.byteLength);
  return dpi === undefined ? { image } : { image, dpi };
}
