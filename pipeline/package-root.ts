import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The project's root folder (the one holding kehoach's package.json), found by walking up from
 * this module: the same answer from the sources (vitest) and from the compiled dist/. Data that
 * ships with the product (rubrics/, the OCR tone lexicon) is read from there.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "kehoach") {
      cached = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error("kehoach's package.json was not found above pipeline/");
}
