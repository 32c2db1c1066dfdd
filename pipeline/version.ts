import { readFileSync } from "node:fs";

/**
 * The pipeline version: part of every file's cache key, so a new version reprocesses everything.
 * Read from package.json at start-up (found relative to this module in src and in dist).
 */
export const PIPELINE_VERSION: string = readVersion();

function readVersion(): string {
  for (const rel of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "kehoach" && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return "0.0.0";
}
