import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** A snapshot of a folder: every file's path → SHA-256 of its bytes and its mtime, to prove nothing changed. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = join(e.parentPath, e.name);
    const sha = createHash("sha256").update(readFileSync(abs)).digest("hex");
    out[relative(root, abs)] = `${sha} ${statSync(abs).mtimeMs}`;
  }
  return out;
}

/** Every file under `root` (relative paths, sorted). */
export function listTree(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}
