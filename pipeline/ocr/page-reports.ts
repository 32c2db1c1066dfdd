import type { Message } from "../../schemas/index.js";
import type { TextLayerProblem } from "../pdf/text-layer.js";
import type { OcrPageResult } from "./types.js";

/** Why a PDF page was OCR'd (its text layer's problem); absent for images, which have no text layer. */
export type OcrReason = TextLayerProblem;

/** What happened when one page went to OCR: a result, or the failure message. */
export interface OcrReport {
  /** Page counted from 1. */
  page: number;
  reason?: OcrReason | undefined;
  result?: OcrPageResult;
  /** The page's own text layer was kept because OCR found no more text than it. */
  keptTextLayer?: boolean;
  failure?: string;
}

/** A message as a backend's `ctx.report` takes it. */
export type Report = Omit<Message, "stage">;

/** Below this mean confidence OCR text is often wrong; prose reads at 0.9 and over, tables 0.7–0.87. */
export const LOW_OCR_CONFIDENCE = 0.6;
/** Pages with fewer characters than this are too short for their confidence to say much. */
const MIN_CHARACTERS_FOR_CONFIDENCE = 20;

/**
 * One message per reason a PDF needed OCR, naming the pages: scans are expected (info), a broken
 * font is worth knowing about (warning: OCR text is less exact than a good text layer).
 */
export function ocrSummaryReports(reports: OcrReport[]): Report[] {
  const read = reports.filter((report) => report.result && !report.keptTextLayer);
  const pagesFor = (reason: OcrReason) =>
    read.filter((report) => report.reason === reason).map((r) => r.page);
  const messages: Report[] = [];
  const scanned = pagesFor("too-little-text");
  if (scanned.length > 0) {
    messages.push({
      severity: "info",
      rule: "pdf-scanned-pages",
      reason: `${pageList(scanned)} ${scanned.length === 1 ? "has" : "have"} no text layer (scanned) and ${scanned.length === 1 ? "was" : "were"} read by OCR.`,
    });
  }
  const legacy = pagesFor("legacy-font");
  if (legacy.length > 0) {
    messages.push({
      severity: "warning",
      rule: "pdf-legacy-font",
      reason: `${pageList(legacy)} ${legacy.length === 1 ? "uses" : "use"} a pre-Unicode Vietnamese font (TCVN3/VNI) whose text layer is garbled; read by OCR instead. A Unicode copy of the document would be more exact.`,
    });
  }
  const dropped = pagesFor("dropped-letters");
  if (dropped.length > 0) {
    messages.push({
      severity: "warning",
      rule: "pdf-lost-letters",
      reason: `The text layer of ${pageList(dropped).toLowerCase()} lost its Vietnamese letters (a font without a Unicode map); read by OCR instead.`,
    });
  }
  return messages;
}

/** Per-page messages: OCR failures, pages turned upright, blank pages, low confidence. */
export function ocrPageReports(reports: OcrReport[]): Report[] {
  const messages: Report[] = [];
  for (const { page, result, failure, keptTextLayer } of reports) {
    if (failure !== undefined) {
      messages.push({
        severity: "warning",
        rule: "ocr-failed",
        page,
        reason: `Page ${page} could not be read by OCR (${failure}); its text is missing.`,
      });
      continue;
    }
    if (!result || keptTextLayer) continue;
    if (result.rotation !== 0) {
      messages.push({
        severity: "info",
        rule: "ocr-rotation",
        page,
        reason: `Page ${page} was turned ${result.rotation}° clockwise to read it upright.`,
      });
    }
    const characters = result.text.replace(/\s+/gu, "").length;
    if (characters === 0) {
      messages.push({
        severity: "info",
        rule: "ocr-blank-page",
        page,
        reason: `Page ${page} looks blank: OCR found no text.`,
      });
    } else if (characters >= MIN_CHARACTERS_FOR_CONFIDENCE && result.confidence < LOW_OCR_CONFIDENCE) {
      messages.push({
        severity: "warning",
        rule: "ocr-low-confidence",
        page,
        reason: `Page ${page} was read by OCR with low confidence (${result.confidence.toFixed(2)}): its text may hold errors; a straight 300 dpi scan with good contrast would read better.`,
      });
    }
  }
  return messages;
}

/** "Page 3", "Pages 1–3, 5": consecutive pages folded into ranges. */
export function pageList(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    const start = sorted[index] ?? 0;
    let end = start;
    while (sorted[index + 1] === end + 1) {
      end += 1;
      index += 1;
    }
    ranges.push(start === end ? `${start}` : `${start}–${end}`);
    index += 1;
  }
  return `${sorted.length === 1 ? "Page" : "Pages"} ${ranges.join(", ")}`;
}
