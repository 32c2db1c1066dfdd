import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Extractors are pure functions of the normalised document: no file, network, process or clock
 * access. This reads every module under extractors/ and fails on an import or global that would
 * let one reach outside (the code is the evidence: a runtime spy could miss a path never taken).
 */
const files = readdirSync("extractors", { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".ts"))
  .map((e) => join(e.parentPath, e.name));

const FORBIDDEN_IMPORT =
  /from\s+["'](?:node:)?(?:fs|fs\/promises|net|http|https|tls|dns|child_process|worker_threads|os|dgram|cluster)["']/;
const FORBIDDEN_GLOBAL = /\b(?:fetch|XMLHttpRequest|process\.(?:env|argv|exit|cwd)|Date\.now|new Date\(\))/;

describe("extractors do no I/O", () => {
  it("finds the extractor modules", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)("%s imports no I/O module and touches no process, network or clock", (file) => {
    const code = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(FORBIDDEN_IMPORT);
    expect(code).not.toMatch(FORBIDDEN_GLOBAL);
  });
});
