import sharp, { type Metadata } from "sharp";
import { DEFAULT_OCR_OPTIONS } from "../ocr/engine.js";
import { type OcrReport, ocrPageReports } from "../ocr/page-reports.js";
import { ImageDecodeError } from "../ocr/preprocess.js";
import { OcrAbortedError } from "../ocr/worker-pool.js";
import type { Backend, BackendResult, RawPage } from "./types.js";
import { ReadError } from "./types.js";

/** Pages of a multi-page TIFF in OCR at once: keeps both tesseract workers busy. */
const MAX_PAGES_IN_FLIGHT = 2;

/**
 * The image backend: PNG, JPEG, TIFF (each page of a multi-page TIFF is a page), WebP. Every page
 * is read by OCR, turned upright first when it lies on its side or upside down; very large images
 * are scaled down to the OCR resolution. Undecodable files and decompression bombs are refused.
 */
export const imageBackend: Backend = {
  async read(input, ctx): Promise<BackendResult> {
    ctx.signal.throwIfAborted();
    if (input.bytes.length === 0) throw new ReadError("empty", "The image file is empty (0 bytes).");
    const pageCount = await countPages(input.bytes);
    const pages: RawPage[] = [];
    const reports: OcrReport[] = [];
    const inFlight = new Set<Promise<void>>();
    let fatal: unknown;

    for (let index = 0; index < pageCount && fatal === undefined; index++) {
      ctx.signal.throwIfAborted();
      const page = index + 1;
      const job = ctx.ocr
        .recognise(input.bytes, { signal: ctx.signal, page: index, pageNumber: page })
        .then((result) => {
          const hasText = result.text.replace(/\s+/gu, "").length > 0;
          pages[index] = {
            page,
            text: result.text,
            method: "ocr",
            ...(hasText ? { confidence: result.confidence } : {}),
            ...(result.tables?.length ? { tables: result.tables } : {}),
          };
          reports.push({ page, result });
        })
        .catch((error: unknown) => {
          // A file that will not decode is the file's fault, and every page would fail alike.
          if (error instanceof ImageDecodeError || error instanceof OcrAbortedError || ctx.signal.aborted) {
            fatal ??= error;
            return;
          }
          pages[index] = { page, text: "", method: "ocr" };
          reports.push({ page, failure: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= MAX_PAGES_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (fatal instanceof ImageDecodeError) throw imageReadError(fatal);
    if (fatal !== undefined) throw fatal;
    ctx.signal.throwIfAborted();

    reports.sort((a, b) => a.page - b.page);
    for (const report of ocrPageReports(reports)) ctx.report(report);
    return { pages, format: "image" };
  },
};

/**
 * Reads the image header: how many pages (only TIFF pages count as pages; the frames of an
 * animated GIF or WebP do not) and whether it is too large to decode at all.
 */
async function countPages(bytes: Buffer): Promise<number> {
  const maxPixels = DEFAULT_OCR_OPTIONS.maxPixels;
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
  } catch (error) {
    throw imageReadError(ImageDecodeError.from(error));
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width === 0 || height === 0) throw new ReadError("corrupt", "The image has no pixels.");
  if (width * height > maxPixels)
    throw imageReadError(new ImageDecodeError("too-large", `${width}×${height} pixels`));
  return meta.format === "tiff" ? Math.max(1, meta.pages ?? 1) : 1;
}

function imageReadError(error: ImageDecodeError): ReadError {
  if (error.kind === "too-large") {
    return new ReadError(
      "too-large",
      `The image is too large to read safely (${error.message}): scan it again at 300 dpi, or split it into pages.`,
    );
  }
  return new ReadError(
    "corrupt",
    `The image could not be decoded (${error.message}): it may be damaged or incomplete; save or scan it again.`,
  );
}
