import type { ExtractedDocument } from "../extractors/index.js";
import type { DocStatus, Format, Message, OcrSummary } from "../schemas/index.js";
import type { RawPage } from "./backends/types.js";
import type { NormalisedDocument, RawText } from "./text/types.js";

/** The names of the stages, in the order {@link STAGES} runs them. */
export type StageName = "ingest" | "read" | "normalise" | "extract" | "validate";

/**
 * The one record that flows through the stages for one input file (like unified's VFile): each stage
 * fills its fields and appends messages; nothing else carries state between stages.
 */
export interface DocRecord {
  /** Path relative to the inbox with "/" separators (the manifest's and the output's key). */
  path: string;
  /** The file's bytes, read once by the batch. Backends get a copy; the inbox is never touched again. */
  bytes: Buffer;
  sha256: string;
  /** Detected format; `pdf` may become `pdf-scanned` after reading. Null until detected or when unsupported. */
  format: Format | null;
  rawPages: RawPage[];
  raw: RawText | null;
  documents: NormalisedDocument[];
  /** Per-document facts, filled by the extraction stage (same order as `documents`). */
  facts: ExtractedDocument[];
  messages: Message[];
  /** Milliseconds spent per stage. */
  timings: Partial<Record<StageName, number>>;
  status: DocStatus;
}

/** Creates the record of one file before any stage has run. */
export function createRecord(path: string, bytes: Buffer, sha256: string): DocRecord {
  return {
    path,
    bytes,
    sha256,
    format: null,
    rawPages: [],
    raw: null,
    documents: [],
    facts: [],
    messages: [],
    timings: {},
    status: "success",
  };
}

/** The OCR summary of a record: whether any page was OCR'd and the mean confidence of those pages. */
export function ocrSummary(record: DocRecord): OcrSummary | undefined {
  const ocrPages = record.rawPages.filter((p) => p.method === "ocr");
  if (ocrPages.length === 0) return undefined;
  const confs = ocrPages.map((p) => p.confidence).filter((c): c is number => typeof c === "number");
  const mean = confs.length ? confs.reduce((a, b) => a + b, 0) / confs.length : null;
  return {
    used: true,
    meanConfidence: mean === null ? null : Math.round(mean * 1000) / 1000,
    pages: ocrPages.length,
  };
}
