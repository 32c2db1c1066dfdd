import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * Writes a file atomically: the data goes to a temp file in the same directory, is flushed to disk,
 * then renamed over the target. A crash at any moment leaves the old complete file or the new one,
 * never a half-written file under the real name.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Matches the temp names {@link writeFileAtomic} uses, and nothing a user or the pipeline names. */
const TEMP_NAME = /^\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes temp files left under `dir` by writes that a crash cut short. Call it only while holding
 * the run lock: a live run's temp files are still being written.
 */
export async function removeStaleTemps(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const e of entries) {
    if (e.isFile() && TEMP_NAME.test(e.name)) {
      await rm(join(e.parentPath, e.name), { force: true });
      removed++;
    }
  }
  return removed;
}
