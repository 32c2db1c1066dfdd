import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import type { ManifestEntry } from "../../schemas/index.js";
import type { FileJob } from "./process-file.js";
import { failedEntry } from "./process-file.js";

/** Options of the pool of child processes that run files in isolation. */
export interface WorkerPoolOptions {
  /** Number of child processes (= files processed at once). */
  size: number;
  /** A child is replaced after this many files (tesseract workers grow over long runs). */
  recycleAfter: number;
  /** A child whose resident memory passes this is killed and its file recorded as failed (MB). */
  memoryLimitMb: number;
  /** The compiled child entry (file-worker.js). */
  script: string;
  /** Extra time the parent waits beyond a file's own time limit before killing a stuck child (ms). */
  graceMs?: number;
}

interface Slot {
  child: ChildProcess | null;
  ready: Promise<void> | null;
  done: number;
  stderrTail: string;
}

/**
 * Runs files in child processes. A file that hangs (even in synchronous code), crashes its child or
 * exhausts memory gets its child killed and a failed entry with the reason; the slot starts a new child.
 */
export class WorkerPool {
  private readonly idle: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private readonly all: Slot[] = [];

  constructor(private readonly options: WorkerPoolOptions) {
    for (let i = 0; i < options.size; i++) {
      const slot: Slot = { child: null, ready: null, done: 0, stderrTail: "" };
      this.all.push(slot);
      this.idle.push(slot);
    }
  }

  /** Runs one job in a free child; never rejects. */
  async run(job: FileJob): Promise<ManifestEntry> {
    const slot = await this.take();
    try {
      return await this.runIn(slot, job);
    } finally {
      this.give(slot);
    }
  }

  /** Stops every child (gracefully, then by force). */
  async close(): Promise<void> {
    await Promise.all(this.all.map((slot) => this.stop(slot)));
  }

  private take(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  private start(slot: Slot): Promise<void> {
    const child = fork(this.options.script, [], {
      // Children inherit the parent's Node flags (preloads, inspector) plus their own heap limit.
      execArgv: [
        ...process.execArgv.filter((a) => !a.startsWith("--max-old-space-size")),
        `--max-old-space-size=${this.options.memoryLimitMb}`,
      ],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { ...process.env, DOTENV_CONFIG_QUIET: "true" },
    });
    slot.child = child;
    slot.done = 0;
    slot.stderrTail = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      slot.stderrTail = (slot.stderrTail + chunk.toString()).slice(-2000);
    });
    slot.ready = new Promise((resolve, reject) => {
      const onMessage = (msg: { type?: string }) => {
        if (msg?.type !== "ready") return;
        child.off("message", onMessage);
        resolve();
      };
      child.on("message", onMessage);
      child.once("exit", (code, signal) =>
        reject(
          new Error(
            `worker exited while starting (code ${code}, signal ${signal}): ${slot.stderrTail.trim()}`,
          ),
        ),
      );
    });
    return slot.ready;
  }

  private async runIn(slot: Slot, job: FileJob): Promise<ManifestEntry> {
    if (!slot.child || slot.child.exitCode !== null || slot.child.signalCode !== null) {
      try {
        await this.start(slot);
      } catch (err) {
        slot.child = null;
        return failedEntry(job, "worker-start", (err as Error).message);
      }
    }
    const child = slot.child as ChildProcess;
    const result = await new Promise<ManifestEntry>((resolve) => {
      let settled = false;
      const finish = (entry: ManifestEntry) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(entry);
      };
      const kill = (rule: string, reason: string) => {
        child.kill("SIGKILL");
        slot.child = null;
        finish(failedEntry(job, rule, reason));
      };
      const onMessage = (msg: { type?: string; id?: number; result?: ManifestEntry }) => {
        if (msg?.type === "done" && msg.id === job.id && msg.result) finish(msg.result);
      };
      const onExit = (code: number | null, signal: string | null) => {
        slot.child = null;
        const oom = /heap out of memory|Allocation failed/i.test(slot.stderrTail);
        finish(
          failedEntry(
            job,
            oom ? "out-of-memory" : "worker-crash",
            oom
              ? `ran out of memory (limit ${this.options.memoryLimitMb} MB) and was stopped`
              : `the worker processing this file crashed (exit code ${code}, signal ${signal})`,
          ),
        );
      };
      const limitMs = job.limits.fileTimeoutMs + (this.options.graceMs ?? 5000);
      const timer = setTimeout(
        () =>
          kill("timeout", `timed out after ${Math.round(job.limits.fileTimeoutMs / 1000)} s and was stopped`),
        limitMs,
      );
      const watch = setInterval(() => {
        const rss = residentMb(child.pid);
        if (rss !== null && rss > this.options.memoryLimitMb) {
          kill(
            "out-of-memory",
            `used ${rss} MB, above the ${this.options.memoryLimitMb} MB limit, and was stopped`,
          );
        }
      }, 250);
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send({ type: "job", job });
    });
    slot.done++;
    if (slot.child && slot.done >= this.options.recycleAfter) await this.stop(slot);
    return result;
  }

  private async stop(slot: Slot): Promise<void> {
    const child = slot.child;
    slot.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      if (child.connected) child.send({ type: "stop" });
      else child.kill("SIGKILL");
    });
  }
}

/** Resident memory of a process in MB from /proc (Linux); null where /proc is unavailable. */
function residentMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
