import type { OcrEngine } from "./ocr/types.js";

/** Limits that keep one bad file from hurting the batch. */
export interface Limits {
  /** Files larger than this are refused before reading (bytes). */
  maxFileBytes: number;
  /** Wall-clock limit for one file, all stages together (ms). */
  fileTimeoutMs: number;
}

/** Default limits: generous for 100-page scans on 2 cores, small enough that a hang is caught. */
export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 200 * 1024 * 1024,
  fileTimeoutMs: 10 * 60 * 1000,
};

/** Services and limits shared by every stage of one document's run. */
export interface PipelineContext {
  ocr: OcrEngine;
  limits: Limits;
  /** Aborted when the file's time limit is reached. */
  signal: AbortSignal;
}
