/**
 * The hand-written fixtures of fixtures/scoring/ must be honest outputs: valid against the
 * contract's fact schemas, and every evidence span must be the exact slice of its document's text.
 */
import { describe, expect, it } from "vitest";
import { readScoringDoc } from "../pipeline/scoring/index.js";
import { FileOutput } from "../schemas/index.js";
import { fixtureDocs, fixtureFiles, fixtureJson } from "./scoring-fixtures.js";

type Ev = { page: number; start: number; end: number; text: string };

function evidences(value: unknown, out: Ev[] = []): Ev[] {
  if (Array.isArray(value)) for (const v of value) evidences(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (
      typeof o.start === "number" &&
      typeof o.end === "number" &&
      typeof o.text === "string" &&
      "page" in o
    ) {
      out.push(o as unknown as Ev);
    }
    for (const [k, v] of Object.entries(o)) if (k !== "text") evidences(v, out);
  }
  return out;
}

describe("fixtures/scoring", () => {
  it.each(fixtureFiles())("%s: a valid file output whose evidence slices its text", (rel) => {
    const json = fixtureJson(rel);
    expect(FileOutput.safeParse(json).success).toBe(true);
    for (const doc of json.documents) {
      const text = doc.text as string;
      const list = evidences({ ...doc, text: undefined, pages: undefined });
      expect(list.length).toBeGreaterThan(0);
      for (const e of list) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it("drops no fact when read through the fact schemas", () => {
    for (const d of fixtureDocs()) expect(readScoringDoc(d).dropped, d.source).toBe(0);
  });
});
