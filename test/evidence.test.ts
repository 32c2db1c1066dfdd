import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileOutput } from "../schemas/index.js";
import { runFile } from "./helpers/run-file.js";

const inputs = [
  ...readdirSync("fixtures/corpus")
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .map((f) => join("fixtures/corpus", f)),
  ...readdirSync("fixtures/corpus/more").map((f) => join("fixtures/corpus/more", f)),
  "fixtures/results-decision/qd-ket-qua.txt",
  "fixtures/docx/ke-hoach-papi.docx",
];

interface Span {
  page: number;
  start: number;
  end: number;
  text: string;
}

/** Every evidence-shaped object anywhere under `value`, with its JSON path. */
function evidenceIn(value: unknown, path: string, out: [string, Span][] = []): [string, Span][] {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) evidenceIn(v, `${path}[${i}]`, out);
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (
      typeof o.start === "number" &&
      typeof o.end === "number" &&
      typeof o.text === "string" &&
      "page" in o
    ) {
      out.push([path, o as unknown as Span]);
    }
    for (const [k, v] of Object.entries(o)) if (k !== "pages") evidenceIn(v, `${path}.${k}`, out);
  }
  return out;
}

describe.each(inputs)("%s", (input) => {
  it("validates against the contract, and every evidence is the exact slice of its document's text", async () => {
    const { output } = await runFile(input);
    expect(FileOutput.safeParse(output).success).toBe(true);
    expect(output.status).toBe("success");
    let count = 0;
    for (const doc of output.documents) {
      const { text, pages, ...facts } = doc;
      for (const [path, ev] of evidenceIn(facts, "$")) {
        count++;
        expect(text.slice(ev.start, ev.end), path).toBe(ev.text);
        const page = pages.findLast((p) => p.start <= ev.start);
        expect(page?.page, `${path} page`).toBe(ev.page);
      }
    }
    expect(count).toBeGreaterThan(0);
  });
});
