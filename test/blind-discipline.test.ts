import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { extractDiscipline } from "../extractors/discipline.js";
import { docFromText } from "../extractors/test-doc.js";
import { DisciplineForm, DisciplineSubject } from "../schemas/facts.js";

/**
 * A blind evaluation of the discipline extractor: fixtures/blind-discipline/cases.json was written
 * without looking at the extractor, so the figures measure how it generalises, not how it fits its
 * own unit tests. Facts are compared as (subject, form, orAbove, year) tuples, each distinct tuple
 * counted once per case (a sentence that repeats a measure states one fact, not two).
 */

const ExpectedFact = z.object({
  subject: DisciplineSubject.nullable(),
  form: DisciplineForm.nullable(),
  orAbove: z.boolean(),
  year: z.number().int().nullable(),
});
type ExpectedFact = z.infer<typeof ExpectedFact>;

const BlindCase = z.object({ id: z.string(), text: z.string(), expected: z.array(ExpectedFact) });

const cases = z
  .array(BlindCase)
  .parse(JSON.parse(readFileSync("fixtures/blind-discipline/cases.json", "utf8")));

/** The comparable part of a fact, as one string. */
function tupleKey(f: ExpectedFact): string {
  return `${f.subject ?? "∅"}|${f.form ?? "∅"}|${f.orAbove ? "≥" : "="}|${f.year ?? "∅"}`;
}

interface CaseScore {
  id: string;
  text: string;
  expected: string[];
  got: string[];
  tp: number;
  fp: number;
  fn: number;
}

function scoreCase(c: z.infer<typeof BlindCase>): CaseScore {
  const got = [...new Set(extractDiscipline(docFromText(c.text.normalize("NFC"))).map(tupleKey))];
  const expected = [...new Set(c.expected.map(tupleKey))];
  const tp = got.filter((k) => expected.includes(k)).length;
  return { id: c.id, text: c.text, expected, got, tp, fp: got.length - tp, fn: expected.length - tp };
}

describe("discipline extractor on the blind set", () => {
  it("has a balanced set of at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const positives = cases.filter((c) => c.expected.length > 0).length;
    expect(positives / cases.length).toBeGreaterThan(0.35);
    expect(positives / cases.length).toBeLessThan(0.65);
  });

  it("reaches precision ≥ 0.9 and recall ≥ 0.7 over (subject, form, orAbove, year) tuples", () => {
    const scores = cases.map(scoreCase);
    const tp = scores.reduce((s, c) => s + c.tp, 0);
    const fp = scores.reduce((s, c) => s + c.fp, 0);
    const fn = scores.reduce((s, c) => s + c.fn, 0);
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const mismatches = scores.filter((c) => c.fp > 0 || c.fn > 0);
    console.log(
      `blind discipline: ${cases.length} cases, tp=${tp} fp=${fp} fn=${fn}, ` +
        `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)}, ${mismatches.length} cases mismatched`,
    );
    if (mismatches.length > 0) {
      console.table(
        mismatches.map((c) => ({
          id: c.id,
          text: c.text.length > 90 ? `${c.text.slice(0, 87)}…` : c.text,
          expected: c.expected.join(" ; "),
          got: c.got.join(" ; "),
        })),
      );
    }
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.7);
  });
});
