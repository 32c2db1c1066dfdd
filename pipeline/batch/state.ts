import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ManifestStatus } from "../../schemas/index.js";
import { writeFileAtomic } from "./atomic-write.js";

const StateEntry = z.object({
  sha256: z.string(),
  pipelineVersion: z.string(),
  status: ManifestStatus,
  rule: z.string().nullable(),
  output: z.string().nullable(),
  at: z.string(),
});
/** What the batch remembers of one input path between runs. */
export type StateEntry = z.infer<typeof StateEntry>;

const StateFile = z.object({ version: z.literal(1), files: z.record(z.string(), StateEntry) });

/** Failures worth retrying on the next run even if the file did not change (the cause may be gone). */
const TRANSIENT_RULES = new Set([
  "timeout",
  "worker-crash",
  "worker-start",
  "out-of-memory",
  "io",
  "internal",
]);

/**
 * The content-hash index of processed files (`<out>/state/files.json`), saved after every file so a
 * run killed at any moment resumes where it stopped. Keyed by inbox path; the cache key of a result is
 * the SHA-256 of the bytes plus the pipeline version.
 */
export class BatchState {
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly files: Record<string, StateEntry>,
  ) {}

  /** Loads the index; a missing or unreadable one starts empty (everything is processed again). */
  static async load(path: string): Promise<BatchState> {
    try {
      const parsed = StateFile.safeParse(JSON.parse(await readFile(path, "utf8")));
      return new BatchState(path, parsed.success ? parsed.data.files : {});
    } catch {
      return new BatchState(path, {});
    }
  }

  /** The previous result of this path if it is still valid for these bytes and this pipeline version. */
  unchanged(path: string, sha256: string, version: string): StateEntry | null {
    const e = this.files[path];
    if (!e || e.sha256 !== sha256 || e.pipelineVersion !== version || !e.output) return null;
    if (e.status === "failed" && e.rule && TRANSIENT_RULES.has(e.rule)) return null;
    return e;
  }

  /** Another path whose completed result can be reused for the same bytes (a renamed or copied file). */
  sameContent(path: string, sha256: string, version: string): [string, StateEntry] | null {
    for (const [p, e] of Object.entries(this.files)) {
      if (p === path || e.sha256 !== sha256 || e.pipelineVersion !== version || !e.output) continue;
      if (e.status === "success" || e.status === "partial" || e.status === "duplicate") return [p, e];
    }
    return null;
  }

  /** Records a file's result and saves the index atomically (saves are serialised). */
  record(path: string, entry: StateEntry): Promise<void> {
    this.files[path] = entry;
    return this.save();
  }

  /** Inbox paths the index knows that are not in `present` (files removed from the inbox). */
  missing(present: ReadonlySet<string>): [string, StateEntry][] {
    return Object.entries(this.files).filter(([p]) => !present.has(p));
  }

  /** Forgets a path (its file left the inbox) and saves the index. */
  forget(path: string): Promise<void> {
    delete this.files[path];
    return this.save();
  }

  private save(): Promise<void> {
    const snapshot = JSON.stringify({ version: 1, files: this.files }, null, 1);
    this.saving = this.saving.then(() => writeFileAtomic(this.path, snapshot));
    return this.saving;
  }
}
