import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFile } from "./helpers/run-file.js";

interface BadCase {
  file: string;
  expect: string;
  notes: string;
}

const cases = JSON.parse(readFileSync("fixtures/bad/manifest.json", "utf8")) as BadCase[];

/** The rules the manifest's short "expect" keywords stand for. */
const RULES: Record<string, string[]> = {
  empty: ["empty"],
  corrupt: ["corrupt"],
  encrypted: ["encrypted"],
  "legacy-doc": ["legacy-doc"],
  "zip-bomb": ["zip-bomb"],
  unsupported: ["unknown-format"],
};

describe("bad inputs end with a clear error, never a crash or a hang", () => {
  // vitest's per-test time limit is the bound: a hang fails the test.
  it.each(cases.filter((c) => c.expect !== "text-detected"))("$file → $expect", async (c) => {
    const { output } = await runFile(join("fixtures/bad", c.file), { name: `bad/${c.file}` });
    expect(output.status).toBe("failed");
    const error = output.messages.find((m) => m.severity === "error");
    expect(RULES[c.expect]).toContain(error?.rule);
    // A reason an operator can act on: a sentence, not a stack trace.
    expect(error?.reason).toMatch(/\w+ \w+/);
    expect(error?.reason).not.toMatch(/\n\s+at /);
    expect(output.documents).toEqual([]);
  });

  it("a text file named .pdf is read as text (formats are detected by content)", async () => {
    const { output } = await runFile("fixtures/bad/not-a-pdf.pdf", { name: "bad/not-a-pdf.pdf" });
    expect(output.status).toBe("success");
    expect(output.source.format).toBe("text");
    expect(output.messages.some((m) => m.rule === "name-mismatch")).toBe(true);
  });
});
