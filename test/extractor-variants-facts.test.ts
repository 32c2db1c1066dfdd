import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runFile } from "./helpers/run-file.js";
import {
  compareFacts,
  type Expected,
  type Extracted,
  type Kind,
  type KindScore,
  prf,
} from "./helpers/variants-compare.js";

/**
 * Held-out-style documents (fixtures/variants-facts/): results decisions, plans and reports in
 * other provinces' wordings, a Markdown (converted DOCX) decision and OCR-noisy copies, each with
 * facts written by hand in `<name>.expected.json`. Each file runs through the whole pipeline (read,
 * normalise, extract) and its deductions, declared scores, criteria, tasks and roles are compared
 * with the expected values (see test/helpers/variants-compare.ts for how tolerant each field is).
 * The summary printed at the end gives precision and recall per fact kind.
 */

const DIR = "fixtures/variants-facts";
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => {
    const base = f.replace(/\.expected\.json$/, "");
    const source = readdirSync(DIR).find((s) => s.startsWith(`${base}.`) && !s.endsWith(".expected.json"));
    return { base, source: join(DIR, source ?? `${base}.txt`), expected: readExpected(join(DIR, f)) };
  });

function readExpected(path: string): Expected {
  return JSON.parse(readFileSync(path, "utf8")) as Expected;
}

async function extracted(path: string): Promise<Extracted> {
  const { output } = await runFile(path);
  const docs = output.documents;
  return {
    declaredScores: docs.flatMap((d) => d.declaredScores),
    deductions: docs.flatMap((d) => d.deductions),
    criteria: docs.flatMap((d) => d.criteria),
    tasks: docs.flatMap((d) => d.tasks),
    roles: docs.flatMap((d) => d.roles),
  };
}

const totals = new Map<Kind, { right: number; falsePositives: number; misses: number }>();

function add(kind: Kind, s: KindScore): void {
  const t = totals.get(kind) ?? { right: 0, falsePositives: 0, misses: 0 };
  t.right += s.right;
  t.falsePositives += s.falsePositives;
  t.misses += s.misses;
  totals.set(kind, t);
}

describe("extractors on held-out-style variants (fixtures/variants-facts)", () => {
  it("has at least ten documents and three OCR-noisy copies, each with a source file", () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
    expect(cases.filter((c) => c.expected.ocr).length).toBeGreaterThanOrEqual(3);
    for (const c of cases) expect(readFileSync(c.source, "utf8").length).toBeGreaterThan(500);
  });

  it.each(cases)("$base: every expected fact, and nothing else", async ({ source, expected }) => {
    const scores = compareFacts(expected, await extracted(source));
    for (const [kind, s] of Object.entries(scores) as [Kind, KindScore][]) add(kind, s);
    const problems = Object.entries(scores).flatMap(([kind, s]) => s.problems.map((p) => `${kind}: ${p}`));
    expect(problems).toEqual([]);
  });

  afterAll(() => {
    const lines = [...totals.entries()].map(([kind, t]) => {
      const { p, r, f1 } = prf(t.right, t.falsePositives, t.misses);
      return `${kind.padEnd(15)} right ${String(t.right).padStart(3)}  false+ ${String(t.falsePositives).padStart(3)}  missed ${String(t.misses).padStart(3)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}`;
    });
    console.log(`variants-facts summary:\n${lines.join("\n")}`);
  });
});
