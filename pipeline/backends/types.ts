import type { Format, Message } from "../../schemas/index.js";
import type { Table } from "../../schemas/table.js";
import type { OcrEngine } from "../ocr/types.js";

/** How the text of one raw page was obtained. */
export type PageMethod = "plain" | "docx" | "text-layer" | "ocr";

/** One page of raw text as a backend read it, before normalisation. */
export interface RawPage {
  /** Page number, counted from 1. */
  page: number;
  text: string;
  method: PageMethod;
  /** Mean OCR confidence 0..1 when `method` is `ocr`. */
  confidence?: number;
  /** Tables found on the page, already written into `text`; each cell's `span` points into `text`. */
  tables?: Table[];
}

/** What a backend gets: the file's bytes (a private copy) and where it came from. */
export interface BackendInput {
  /** Path relative to the inbox, for messages. */
  path: string;
  bytes: Buffer;
}

/** Services a backend may use; it must do no other I/O. */
export interface BackendContext {
  ocr: OcrEngine;
  /** Aborted when the per-file time limit is reached: backends stop at the next page. */
  signal: AbortSignal;
  /** Append a warning or info message to the file's record. */
  report(message: Omit<Message, "stage">): void;
}

/** What a backend returns: pages in order, plus the refined format (a PDF may turn out scanned). */
export interface BackendResult {
  pages: RawPage[];
  format: Format;
}

/** A format backend: reads bytes into page-aware raw text. Throws {@link ReadError} for fatal problems. */
export interface Backend {
  read(input: BackendInput, ctx: BackendContext): Promise<BackendResult>;
}

/** A fatal reading problem with a reason a user can act on (encrypted, corrupt, unsupported …). */
export class ReadError extends Error {
  constructor(
    readonly rule: string,
    reason: string,
  ) {
    super(reason);
    this.name = "ReadError";
  }
}
