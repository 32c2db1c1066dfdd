import { stat } from "node:fs/promises";
import { watch } from "chokidar";
import { listInbox } from "./inbox.js";
import { LockHeldError } from "./lock.js";
import type { Logger } from "./logger.js";
import { type BatchOptions, runBatch } from "./run-batch.js";

/** Options of `kehoach watch`. */
export interface WatchOptions extends BatchOptions {
  /** A file must stop changing for this long before it is read (ms): a copy in progress is not read. */
  stableMs?: number;
  /** Changes are gathered for this long before a run starts (ms), so a dropped folder is one run. */
  debounceMs?: number;
  /** Called after every run (the CLI rebuilds scores and the report, so reviewers never read a stale one). */
  afterRun?: () => Promise<void>;
}

/**
 * Watches the inbox and runs the (incremental) batch when files arrive or change. A file still being
 * written is not read until its size has been stable for `stableMs`. Runs never overlap: changes that
 * arrive during a run trigger one more run after it. Resolves when `signal` aborts.
 */
export async function watchInbox(options: WatchOptions, signal: AbortSignal): Promise<void> {
  const logger: Logger = options.logger;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const runOnce = async () => {
    try {
      // Also for the first run and for files the events did not cover: nothing still being written.
      await waitUntilQuiet(options.inbox, options.stableMs ?? 3000, signal);
      if (signal.aborted) return;
      await runBatch(options);
      await options.afterRun?.();
    } catch (err) {
      const reason =
        err instanceof LockHeldError ? `${err.message}; will retry on the next change` : String(err);
      logger.emit({ event: "warning", reason });
    }
  };
  const trigger = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await runOnce();
        } while (again && !signal.aborted);
        running = null;
      })();
    }, options.debounceMs ?? 2000);
  };

  const watcher = watch(options.inbox, {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: options.stableMs ?? 3000, pollInterval: 250 },
    ignored: (path: string) => /(^|[/\\])(\.|~\$)/.test(path.slice(options.inbox.length)),
  });
  watcher.on("add", trigger).on("change", trigger);
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  // Whatever arrived while nobody watched is processed at once.
  trigger();
  await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  if (timer) clearTimeout(timer);
  await watcher.close();
  await running;
}

/** Waits until no file under the inbox has changed for `quietMs` (a copy in progress has a fresh mtime). */
async function waitUntilQuiet(inbox: string, quietMs: number, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const files = await listInbox(inbox);
    const stats = await Promise.all(files.map((f) => stat(f.absPath).catch(() => null)));
    const newest = Math.max(0, ...stats.map((s) => s?.mtimeMs ?? 0));
    const wait = newest + quietMs - Date.now();
    if (wait <= 0) return;
    await new Promise((r) => setTimeout(r, Math.min(wait + 50, quietMs)));
  }
}
