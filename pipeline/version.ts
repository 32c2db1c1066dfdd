import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LEXICON_PATH } from "./ocr/lexicon/tone-lexicon.js";
import { packageRoot } from "./package-root.js";

/**
 * The pipeline version, part of every file's cache key: the package version plus a hash of the
 * pipeline's own code (pipeline/, extractors/, schemas/) and the data it reads (the OCR tone lexicon). A release, or any change to an
 * extractor, therefore reprocesses everything on the next run, and nothing stale is served.
 */
export const PIPELINE_VERSION: string = `${packageVersion()}+${codeHash()}`;

/** The folder holding pipeline/, extractors/ and schemas/ (the project root, or dist/). */
function codeRoot(): string {
  return fileURLToPath(new URL("..", import.meta.url));
}

function packageVersion(): string {
  for (const rel of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "kehoach" && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return "0.0.0";
}

function codeHash(): string {
  const root = codeRoot();
  const hash = createHash("sha256");
  for (const dir of ["pipeline", "extractors", "schemas"]) {
    const files = readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name) && !e.name.endsWith(".d.ts"))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const f of files) hash.update(f.slice(root.length)).update(readFileSync(f));
  }
  // Data the code reads at run time changes results as code does: the OCR tone lexicon.
  hash.update(readFileSync(join(packageRoot(), LEXICON_PATH)));
  return hash.digest("hex").slice(0, 12);
}
