import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import PQueue from "p-queue";
import type { FileOutput, ManifestEntry, RunManifest } from "../../schemas/index.js";
import { RunManifest as RunManifestSchema } from "../../schemas/index.js";
import { DEFAULT_LIMITS, type Limits } from "../context.js";
import { createOcrEngine } from "../ocr/engine.js";
import type { OcrEngine } from "../ocr/types.js";
import { PIPELINE_VERSION } from "../version.js";
import { removeStaleTemps, writeFileAtomic } from "./atomic-write.js";
import { reuseOutput } from "./duplicate.js";
import { documentOutputPath, type InboxFile, listInbox } from "./inbox.js";
import { acquireLock } from "./lock.js";
import type { Logger } from "./logger.js";
import { type FileJob, failedEntry, processFile } from "./process-file.js";
import { BatchState } from "./state.js";
import { WorkerPool } from "./worker-pool.js";

/** Options of one batch run. */
export interface BatchOptions {
  inbox: string;
  out: string;
  concurrency?: number;
  /** Reprocess every file even when its bytes and the pipeline version are unchanged. */
  force?: boolean;
  limits?: Partial<Limits>;
  logger: Logger;
  /**
   * Run files in child processes (default): a hang, crash or memory blow-up kills only that child.
   * `false` runs in-process (tests of the pipeline itself, benchmarks of pure throughput).
   */
  isolate?: boolean;
  /** Child processes are replaced after this many files. */
  recycleAfter?: number;
  /** Memory limit per child process, MB. */
  memoryLimitMb?: number;
  /** An OCR engine to share when not isolated (tests); by default one is created for the run. */
  ocr?: OcrEngine;
}

/**
 * Runs every new or changed file of the inbox through the pipeline, writes one JSON per file, the
 * content-hash index and the run manifest. One run at a time (a lock in the out folder). One bad file
 * never stops the others: each ends with a status and a reason in the manifest.
 */
export async function runBatch(options: BatchOptions): Promise<RunManifest> {
  const startedAt = new Date();
  const lock = await acquireLock(join(options.out, "state", "lock"));
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const concurrency = options.concurrency ?? 2;
  const runner = createRunner(options, concurrency);
  try {
    // Temp files of writes cut short by a crash are ours and never complete: remove them first.
    await removeStaleTemps(options.out);
    const state = await BatchState.load(join(options.out, "state", "files.json"));
    const files = await listInbox(options.inbox);
    options.logger.emit({ event: "run-start", files: files.length, inbox: options.inbox, out: options.out });
    const queue = new PQueue({ concurrency });
    const firstBySha = new Map<string, Promise<ManifestEntry>>();
    let nextId = 0;
    const entries = await Promise.all(
      files.map(async (file) => {
        const sha256 = await hashFile(file.absPath).catch(() => null);
        const started = Date.now();
        const entry =
          sha256 === null
            ? failedEntry(
                { path: file.path, sha256: null as unknown as string },
                "io",
                "could not read the file",
              )
            : await decide(file, sha256);
        options.logger.emit({ event: "file-done", ...entry, ms: Date.now() - started });
        return entry;
      }),
    );

    async function decide(file: InboxFile, sha256: string): Promise<ManifestEntry> {
      const outputPath = documentOutputPath(options.out, file.path);
      const outputName = relative(options.out, outputPath).split("\\").join("/");
      const prev = options.force ? null : state.unchanged(file.path, sha256, PIPELINE_VERSION);
      if (prev && existsSync(join(options.out, prev.output ?? ""))) {
        return skipped(file.path, sha256, prev.output);
      }
      const earlier = firstBySha.get(sha256);
      const known = options.force ? null : state.sameContent(file.path, sha256, PIPELINE_VERSION);
      if (earlier || known) {
        const original = earlier ? await earlier : null;
        const fromPath = original?.path ?? known?.[0];
        const fromOutput = original?.output ?? known?.[1].output;
        if (fromPath && fromOutput && (original ? original.status !== "failed" : true)) {
          const entry = await reuseOutput(
            join(options.out, fromOutput),
            outputPath,
            file.path,
            fromPath,
          ).then((ok) => (ok ? duplicateEntry(file.path, sha256, fromPath, outputName) : null));
          if (entry) {
            await state.record(file.path, stateEntry(entry));
            return entry;
          }
        }
      }
      const job: FileJob = {
        id: nextId++,
        path: file.path,
        absPath: file.absPath,
        sha256,
        outputPath,
        outputName,
        limits,
      };
      const work = queue.add(() => runner.run(job));
      if (!firstBySha.has(sha256)) firstBySha.set(sha256, work);
      let entry = await work;
      if (entry.output === null && entry.sha256) {
        // The worker was killed before it could write anything: write the failure ourselves, so every
        // input has its JSON and a reviewer's tool sees the reason too.
        await writeFileAtomic(outputPath, `${JSON.stringify(failureOutput(entry, sha256), null, 2)}\n`);
        entry = { ...entry, output: outputName };
      }
      await state.record(file.path, stateEntry(entry));
      return entry;
    }

    // A file taken out of the inbox (withdrawn, renamed, replaced) must not linger in the scores: its
    // result is ours to remove; the input itself was never touched.
    const removed: string[] = [];
    for (const [path, entry] of state.missing(new Set(files.map((f) => f.path)))) {
      if (entry.output) await rm(join(options.out, entry.output), { force: true });
      await state.forget(path);
      removed.push(path);
      options.logger.emit({ event: "info", reason: `removed from the inbox since the last run: ${path}` });
    }
    const manifest = buildManifest(options, startedAt, entries, removed);
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
    await runner.close();
    await lock.release();
  }
}

interface Runner {
  run(job: FileJob): Promise<ManifestEntry>;
  close(): Promise<void>;
}

function createRunner(options: BatchOptions, concurrency: number): Runner {
  if (options.isolate === false) {
    const ocr = options.ocr ?? createOcrEngine({ workers: concurrency });
    return {
      run: (job) => processFile(job, ocr),
      close: async () => {
        if (!options.ocr) await ocr.terminate();
      },
    };
  }
  const pool = new WorkerPool({
    size: concurrency,
    recycleAfter: options.recycleAfter ?? 50,
    memoryLimitMb: options.memoryLimitMb ?? 1536,
    script: workerScript(),
  });
  return { run: (job) => pool.run(job), close: () => pool.close() };
}

/** The compiled child entry: next to this module in dist/, or in dist/ when running from sources (tests). */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return fileURLToPath(new URL("./file-worker.js", import.meta.url));
  return fileURLToPath(new URL("../../dist/pipeline/batch/file-worker.js", import.meta.url));
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

function failureOutput(entry: ManifestEntry, sha256: string): FileOutput {
  return {
    schemaVersion: 1,
    source: { path: entry.path, sha256, format: null, pages: 0 },
    status: "failed",
    messages: [
      { severity: "error", stage: "batch", rule: entry.rule ?? "failed", reason: entry.reason ?? "failed" },
    ],
    documents: [],
  };
}

function skipped(path: string, sha256: string, output: string | null): ManifestEntry {
  return {
    ...failedEntry({ path, sha256 }, "", ""),
    status: "skipped-unchanged",
    reason: null,
    rule: null,
    output,
  };
}

function duplicateEntry(path: string, sha256: string, of: string, output: string): ManifestEntry {
  return {
    ...failedEntry({ path, sha256 }, "", ""),
    status: "duplicate",
    reason: `same content as ${of}`,
    rule: "duplicate",
    output,
  };
}

function stateEntry(entry: ManifestEntry) {
  return {
    sha256: entry.sha256 ?? "",
    pipelineVersion: PIPELINE_VERSION,
    status: entry.status,
    rule: entry.rule ?? null,
    output: entry.output,
    at: new Date().toISOString(),
  };
}

function buildManifest(
  options: BatchOptions,
  startedAt: Date,
  files: ManifestEntry[],
  removed: string[],
): RunManifest {
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
    removed,
    totals: { ...totals, removed: removed.length },
  };
}
