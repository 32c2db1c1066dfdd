import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import PQueue from "p-queue";
import type { ManifestEntry, RunManifest } from "../../schemas/index.js";
import { RunManifest as RunManifestSchema } from "../../schemas/index.js";
import { DEFAULT_LIMITS, type Limits } from "../context.js";
import { runDocument } from "../index.js";
import { createOcrEngine } from "../ocr/engine.js";
import type { OcrEngine } from "../ocr/types.js";
import { toFileOutput } from "../output.js";
import { createRecord, type DocRecord, ocrSummary } from "../record.js";
import { PIPELINE_VERSION } from "../version.js";
import { writeFileAtomic } from "./atomic-write.js";
import { documentOutputPath, type InboxFile, listInbox } from "./inbox.js";
import type { Logger } from "./logger.js";

/** Options of one batch run. */
export interface BatchOptions {
  inbox: string;
  out: string;
  concurrency?: number;
  limits?: Partial<Limits>;
  logger: Logger;
  /** An OCR engine to share (tests); by default one is created for the run and terminated after. */
  ocr?: OcrEngine;
}

/**
 * Runs every file of the inbox through the pipeline, writes one JSON per file and the run manifest.
 * One bad file never stops the others: each ends with a status and a reason in the manifest.
 */
export async function runBatch(options: BatchOptions): Promise<RunManifest> {
  const startedAt = new Date();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const files = await listInbox(options.inbox);
  const ocr = options.ocr ?? createOcrEngine({ workers: options.concurrency ?? 2 });
  const queue = new PQueue({ concurrency: options.concurrency ?? 2 });
  options.logger.emit({ event: "run-start", files: files.length, inbox: options.inbox, out: options.out });
  try {
    const entries = await Promise.all(
      files.map((file) => queue.add(() => processFile(file, options, limits, ocr))),
    );
    const manifest = buildManifest(options, startedAt, entries);
    const manifestPath = join(options.out, "runs", `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
    await writeFileAtomic(manifestPath, `${JSON.stringify(RunManifestSchema.parse(manifest), null, 2)}\n`);
    options.logger.emit({
      event: "run-end",
      totals: manifest.totals,
      ms: Date.now() - startedAt.getTime(),
      manifest: manifestPath,
    });
    return manifest;
  } finally {
    if (!options.ocr) await ocr.terminate();
  }
}

async function processFile(
  file: InboxFile,
  options: BatchOptions,
  limits: Limits,
  ocr: OcrEngine,
): Promise<ManifestEntry> {
  try {
    return await processReadableFile(file, options, limits, ocr);
  } catch (err) {
    // Only I/O around the pipeline can land here (a file removed mid-run, a full disk): record it, go on.
    const reason = `could not process: ${err instanceof Error ? err.message : String(err)}`;
    options.logger.emit({ event: "file-done", path: file.path, status: "failed", pages: 0, reason, ms: 0 });
    return {
      path: file.path,
      sha256: null,
      status: "failed",
      reason,
      rule: "io",
      format: null,
      pages: 0,
      ocrUsed: false,
      documents: 0,
      timings: {},
      output: null,
    };
  }
}

async function processReadableFile(
  file: InboxFile,
  options: BatchOptions,
  limits: Limits,
  ocr: OcrEngine,
): Promise<ManifestEntry> {
  const started = Date.now();
  // The inbox is read-only to us: read the bytes once, never open the file for writing.
  const bytes = await readFile(file.absPath);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const record = await runWithTimeout(createRecord(file.path, bytes, sha256), limits, ocr);
  const outputPath = documentOutputPath(options.out, file.path);
  await writeFileAtomic(outputPath, `${JSON.stringify(toFileOutput(record), null, 2)}\n`);
  const entry = manifestEntry(record, relative(options.out, outputPath).split("\\").join("/"));
  options.logger.emit({
    event: "file-done",
    path: file.path,
    status: entry.status,
    pages: entry.pages,
    ocrPages: entry.ocrPages,
    reason: entry.reason,
    ms: Date.now() - started,
  });
  return entry;
}

/** Runs the pipeline on one record with the per-file time limit; the record always comes back. */
async function runWithTimeout(record: DocRecord, limits: Limits, ocr: OcrEngine): Promise<DocRecord> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`timed out after ${Math.round(limits.fileTimeoutMs / 1000)} s`)),
    limits.fileTimeoutMs,
  );
  const aborted = new Promise<DocRecord>((resolve) => {
    controller.signal.addEventListener("abort", () => {
      const reason = (controller.signal.reason as Error).message;
      record.messages.push({ severity: "error", stage: "batch", rule: "timeout", reason });
      record.status = "failed";
      resolve(record);
    });
  });
  try {
    return await Promise.race([runDocument(record, { ocr, limits, signal: controller.signal }), aborted]);
  } finally {
    clearTimeout(timer);
  }
}

function manifestEntry(record: DocRecord, output: string): ManifestEntry {
  const firstError = record.messages.find((m) => m.severity === "error");
  const ocr = ocrSummary(record);
  return {
    path: record.path,
    sha256: record.sha256,
    status: record.status,
    reason: firstError ? firstError.reason : null,
    rule: firstError?.rule ?? null,
    format: record.format,
    pages: record.rawPages.length,
    ocrUsed: Boolean(ocr?.used),
    ocrPages: ocr?.pages ?? 0,
    documents: record.documents.length,
    timings: record.timings as Record<string, number>,
    output,
  };
}

function buildManifest(options: BatchOptions, startedAt: Date, files: ManifestEntry[]): RunManifest {
  const totals: Record<string, number> = { files: files.length, pages: 0, ocrPages: 0 };
  for (const f of files) {
    totals[f.status] = (totals[f.status] ?? 0) + 1;
    totals.pages = (totals.pages ?? 0) + f.pages;
    totals.ocrPages = (totals.ocrPages ?? 0) + (f.ocrPages ?? 0);
  }
  return {
    schemaVersion: 1,
    pipelineVersion: PIPELINE_VERSION,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    inbox: options.inbox,
    out: options.out,
    files,
    totals,
  };
}
