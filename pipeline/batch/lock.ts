import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Thrown when another live run holds the lock. */
export class LockHeldError extends Error {
  constructor(
    readonly pid: number,
    readonly since: string,
    lockPath: string,
  ) {
    super(
      `another kehoach run (pid ${pid}, started ${since}) is using this output folder; lock file ${lockPath}`,
    );
    this.name = "LockHeldError";
  }
}

/** A held lock; `release` removes the lock file if it is still ours. */
export interface Lock {
  release(): Promise<void>;
}

/**
 * Takes the run lock: a file created exclusively, holding the holder's pid and start time. A lock
 * left by a dead process (kill -9, power cut) is stale and taken over; a live holder makes us refuse.
 */
export async function acquireLock(lockPath: string): Promise<Lock> {
  await mkdir(dirname(lockPath), { recursive: true });
  const content = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockPath, content, { flag: "wx" });
      return {
        async release() {
          const now = await readHolder(lockPath);
          if (now?.pid === process.pid) await rm(lockPath, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = await readHolder(lockPath);
      if (holder && isAlive(holder.pid)) throw new LockHeldError(holder.pid, holder.since, lockPath);
      // Stale (dead holder) or unreadable (a holder that died while writing it): take it over.
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the lock ${lockPath}`);
}

async function readHolder(lockPath: string): Promise<{ pid: number; since: string } | null> {
  try {
    const data = JSON.parse(await readFile(lockPath, "utf8")) as { pid?: unknown; since?: unknown };
    return typeof data.pid === "number" ? { pid: data.pid, since: String(data.since ?? "?") } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else: still alive.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
