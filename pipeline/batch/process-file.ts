import { readFile } from "node:fs/promises";
import type { ManifestEntry } from "../../schemas/index.js";
import type { Limits } from "../context.js";
import { runDocument } from "../index.js";
import type { OcrEngine } from "../ocr/types.js";
import { toFileOutput } from "../output.js";
import { createRecord, type DocRecord, ocrSummary } from "../record.js";
import { writeFileAtomic } from "./atomic-write.js";

/** One file to process: where it is, its hash (computed by the batch), where its JSON goes. */
export interface FileJob {
  id: number;
  path: string;
  absPath: string;
  sha256: string;
  outputPath: string;
  /** The output path as the manifest shows it (relative to the out folder). */
  outputName: string;
  limits: Limits;
}

/**
 * Reads one file (read-only), runs it through the pipeline within its time limit, writes its JSON
 * atomically and returns its manifest entry. Never throws: I/O failures become a failed entry.
 */
export async function processFile(job: FileJob, ocr: OcrEngine): Promise<ManifestEntry> {
  try {
    const bytes = await readFile(job.absPath);
    const record = await runWithTimeout(createRecord(job.path, bytes, job.sha256), job.limits, ocr);
    await writeFileAtomic(job.outputPath, `${JSON.stringify(toFileOutput(record), null, 2)}\n`);
    return manifestEntry(record, job.outputName);
  } catch (err) {
    return failedEntry(job, "io", `could not process: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A manifest entry for a file that ended before the pipeline could say anything about it. */
export function failedEntry(
  job: Pick<FileJob, "path" | "sha256">,
  rule: string,
  reason: string,
): ManifestEntry {
  return {
    path: job.path,
    sha256: job.sha256,
    status: "failed",
    reason,
    rule,
    format: null,
    pages: 0,
    ocrUsed: false,
    ocrPages: 0,
    documents: 0,
    timings: {},
    output: null,
  };
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
