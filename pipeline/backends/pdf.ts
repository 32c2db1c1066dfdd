import type { PDFParse } from "pdf-parse";
import type { Table } from "../../schemas/table.js";
import { DEFAULT_OCR_OPTIONS } from "../ocr/engine.js";
import { type OcrReport, ocrPageReports, ocrSummaryReports } from "../ocr/page-reports.js";
import { OcrAbortedError } from "../ocr/worker-pool.js";
import { pageTextWithTables } from "../pdf/layout-text.js";
import { openPdf, pdfReadError } from "../pdf/open.js";
import { pageImage } from "../pdf/page-image.js";
import type { PageSize } from "../pdf/render.js";
import { assessTextLayer, convertLegacyLayer, type TextLayerProblem } from "../pdf/text-layer.js";
import { type ConvertedPage, legacyConversionReport } from "../text/legacy-pages.js";
import type { Backend, BackendContext, BackendResult, RawPage } from "./types.js";
import { ReadError } from "./types.js";

/**
 * Pages that are not plain scans are drawn at the resolution OCR reads at: drawing at 300 dpi and
 * scaling down cost more and read no better. Scanned pages give OCR their own image instead
 * (pipeline/pdf/page-image.ts).
 */
const RENDER_DPI = DEFAULT_OCR_OPTIONS.targetDpi;
/**
 * Drawn pages waiting for or in OCR at once: enough to keep two tesseract workers busy while the
 * next page is drawn, few enough that a 300-page scan does not hold 300 images in memory.
 */
const MAX_PAGES_IN_FLIGHT = 3;

/** What the text layer of one page gave, before any OCR. */
interface LayerPage {
  page: number;
  text: string;
  tables?: Table[];
  problem?: TextLayerProblem;
  size: PageSize;
}

/**
 * The PDF backend. Each page keeps its text layer when that layer is usable Vietnamese text
 * (pipeline/pdf/text-layer.ts says when it is not: a scan, a pre-Unicode font, lost letters); a
 * layer typed in a TCVN3/VNI font is converted to Unicode when that makes it usable; other pages
 * are drawn and read by OCR, so a PDF mixing typed and scanned pages reads whole.
 * The format becomes `pdf-scanned` when most pages were OCR'd. Text is returned as extracted
 * (NFD stays NFD): normalisation is the next stage's job.
 */
export const pdfBackend: Backend = {
  async read(input, ctx): Promise<BackendResult> {
    ctx.signal.throwIfAborted();
    if (input.bytes.length === 0) throw new ReadError("empty", "The PDF file is empty (0 bytes).");
    const parser = openPdf(input.bytes);
    try {
      const layers = await readTextLayers(parser, ctx);
      const pages = await ocrWhereNeeded(parser, layers, ctx);
      const ocrPages = pages.filter((page) => page.method === "ocr").length;
      return { pages, format: ocrPages * 2 > pages.length ? "pdf-scanned" : "pdf" };
    } finally {
      await parser.destroy().catch(() => undefined);
    }
  },
};

/** Every page's text layer, size and verdict. A page whose text cannot be extracted gets none. */
async function readTextLayers(parser: PDFParse, ctx: BackendContext): Promise<LayerPage[]> {
  let info: Awaited<ReturnType<PDFParse["getInfo"]>>;
  try {
    info = await parser.getInfo({ parsePageInfo: true });
  } catch (error) {
    throw pdfReadError(error);
  }
  if (info.total === 0) throw new ReadError("empty", "The PDF has no pages.");
  const layers: LayerPage[] = [];
  const converted: ConvertedPage[] = [];
  for (let page = 1; page <= info.total; page++) {
    ctx.signal.throwIfAborted();
    const pageInfo = info.pages.find((entry) => entry.pageNumber === page);
    const size = { width: pageInfo?.width ?? 0, height: pageInfo?.height ?? 0 };
    let text = "";
    let tables: Table[] = [];
    try {
      // Page by page, not the joined text: it inserts "-- N of M --" lines, and one damaged
      // page would otherwise lose the whole file.
      const result = await parser.getText({ partial: [page] });
      // Tables laid out one row per line, cells separated by "\t"; prose stays pdf-parse's text.
      ({ text, tables } = await pageTextWithTables(parser, page, result.pages[0]?.text ?? ""));
    } catch (error) {
      ctx.report({
        severity: "warning",
        rule: "pdf-text-layer",
        page,
        reason: `The text of page ${page} could not be extracted (${errorMessage(error)}); it is read by OCR instead.`,
      });
    }
    let verdict = assessTextLayer(text);
    // A pre-Unicode font (TCVN3/VNI) is converted rather than OCR'd when the result is usable.
    const legacy =
      verdict.usable || verdict.problem === "legacy-font" ? convertLegacyLayer(text, tables) : null;
    if (legacy) {
      ({ text, tables, verdict } = legacy);
      converted.push({
        page,
        encoding: legacy.encoding,
        partial: legacy.partial,
        restoredU: legacy.restoredU,
      });
    }
    const found = tables.length ? { tables } : {};
    layers.push(
      verdict.usable ? { page, text, size, ...found } : { page, text, size, problem: verdict.problem },
    );
  }
  const report = legacyConversionReport(converted, "PDF text layer: ");
  if (report) ctx.report(report);
  return layers;
}

/**
 * Keeps usable text layers and OCRs the other pages, preparing one page's image while earlier
 * ones are being read. A page with too little text keeps its text layer when OCR finds no more
 * than it (a nearly blank typed page); a page in a broken font always takes the OCR text.
 */
async function ocrWhereNeeded(
  parser: PDFParse,
  layers: LayerPage[],
  ctx: BackendContext,
): Promise<RawPage[]> {
  const pages: RawPage[] = layers.map(({ page, text, tables }) => ({
    page,
    text,
    method: "text-layer",
    ...(tables ? { tables } : {}),
  }));
  const reports: OcrReport[] = [];
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown;
  // A page OCR could not read keeps a few stray characters of text layer, but never the garbage
  // of a broken font: no text beats text that would be mistaken for content.
  const failed = (layer: LayerPage, error: unknown) => {
    if (layer.problem !== "too-little-text") {
      pages[layer.page - 1] = { page: layer.page, text: "", method: "ocr" };
    }
    reports.push({ page: layer.page, reason: layer.problem, failure: errorMessage(error) });
  };

  for (const layer of layers) {
    if (fatal !== undefined) break;
    if (layer.problem === undefined) continue;
    ctx.signal.throwIfAborted();
    let image: Awaited<ReturnType<typeof pageImage>>;
    try {
      image = await pageImage(parser, layer.page, layer.size, RENDER_DPI);
    } catch (error) {
      failed(layer, error);
      continue;
    }
    const job = ctx.ocr
      .recognise(image.image, {
        signal: ctx.signal,
        pageNumber: layer.page,
        ...(image.dpi ? { dpi: image.dpi } : {}),
      })
      .then((result) => {
        const keepLayer =
          layer.problem === "too-little-text" && nonSpace(result.text) <= nonSpace(layer.text);
        if (!keepLayer) {
          const hasText = nonSpace(result.text) > 0;
          pages[layer.page - 1] = {
            page: layer.page,
            text: result.text,
            method: "ocr",
            ...(hasText ? { confidence: result.confidence } : {}),
            ...(result.tables?.length ? { tables: result.tables } : {}),
          };
        }
        reports.push({ page: layer.page, reason: layer.problem, result, keptTextLayer: keepLayer });
      })
      .catch((error: unknown) => {
        if (error instanceof OcrAbortedError || ctx.signal.aborted) fatal ??= error;
        else failed(layer, error);
      })
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    if (inFlight.size >= MAX_PAGES_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (fatal !== undefined) throw fatal;
  ctx.signal.throwIfAborted();

  reports.sort((a, b) => a.page - b.page);
  for (const report of [...ocrSummaryReports(reports), ...ocrPageReports(reports)]) ctx.report(report);
  return pages;
}

function nonSpace(text: string): number {
  return text.replace(/\s+/gu, "").length;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
