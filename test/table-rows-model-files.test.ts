import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractAll } from "../extractors/index.js";
import { tableRows } from "../extractors/lib/table-rows.js";
import { createOcrEngine } from "../pipeline/ocr/engine.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { DeclaredScore, Deduction } from "../schemas/index.js";
import { runFile } from "./helpers/run-file.js";

/**
 * The extractors reading real files' table models (typed PDF, scans: fixtures/tables, fixtures/forms)
 * against the same documents' text fixtures. OCR is kept to two pages.
 */

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const engine = createOcrEngine({ workers: 2 });
afterAll(() => engine.terminate());

/** The documents of a file as the extractors get them (with their table models). */
async function documents(path: string, ocr = false): Promise<NormalisedDocument[]> {
  const { record } = await runFile(join(FIXTURES, path), ocr ? { ocr: engine } : {});
  return record.documents;
}

/** The document without its table model: what the extractors read before the model existed. */
const textOnly = (doc: NormalisedDocument): NormalisedDocument => {
  const { tables: _drop, ...rest } = doc;
  return rest;
};

describe("extractors on table models of real files", () => {
  it("typed PDF (corpus 002's appendix): model rows, and the same tasks and deadlines as the text reading", async () => {
    const docs = await documents("forms/002-nhu-quynh/typed.pdf");
    const doc = docs.find((d) => d.tables?.length);
    if (!doc) throw new Error("the typed PDF gave no table model");
    const rows = tableRows(doc);
    expect(rows.filter((r) => r.grid).length).toBeGreaterThanOrEqual(8);
    const facts = extractAll(doc).facts;
    expect(facts.tasks.length).toBeGreaterThan(0);
    const plain = extractAll(textOnly(doc)).facts;
    expect(facts.tasks).toEqual(plain.tasks);
    expect(facts.deadlines).toEqual(plain.deadlines);
  });

  it("scanned deductions table: the merged criterion cell reaches the row below it, facts as from the text", async () => {
    const brief = (ds: Deduction[]) => ds.map((d) => [d.criterion, d.content, d.points]);
    const fromText = (await documents("tables/deductions/page.txt")).flatMap(
      (d) => extractAll(d).facts.deductions,
    );
    expect(brief(fromText)).toEqual([
      [2, 1, 3],
      [2, 2, 1.5],
      [3, 3, 0.25],
      [5, 2, 1],
      [6, 2, 0.5],
    ]);
    const [doc] = await documents("tables/deductions/scan-300.pdf", true);
    if (!doc?.tables?.length) throw new Error("the scan gave no table model");
    const fromScan = extractAll(doc).facts.deductions;
    expect(brief(fromScan)).toEqual(brief(fromText));
    expect(fromScan.map((d) => d.reason)).toEqual(fromText.map((d) => d.reason));
    // The second row's criterion is the merged cell itself, cited where it is written.
    const merged = doc.tables[0]?.cells.find((c) => c.rowSpan === 2);
    const second = tableRows(doc).find((r) => r.grid?.row === 2);
    expect(second?.cells[1]).toMatchObject({ carried: true, text: "Tiêu chí 2", start: merged?.span?.start });
    expect(doc.text.slice(second?.start, second?.end)).toMatch(/^2\t\tNội dung 2/u);
  });

  it("scanned results table: every unit's declared scores from the model equal the text fixture's", async () => {
    const pick = (scores: DeclaredScore[]) =>
      scores
        .filter((s) => s.unit !== null)
        .map(({ unit, year, selfAssessed, assessed, extraDeduction, final, rank, classification }) => ({
          unit,
          year,
          selfAssessed,
          assessed,
          extraDeduction,
          final,
          rank,
          classification,
        }));
    const expected = pick(
      (await documents("results-decision/qd-ket-qua.txt")).flatMap((d) => extractAll(d).facts.declaredScores),
    );
    expect(expected.length).toBeGreaterThanOrEqual(8);
    const docs = await documents("tables/results/scan-200-noisy.pdf", true);
    const doc = docs.find((d) => d.tables?.length);
    if (!doc) throw new Error("the scan gave no table model");
    const scores = extractAll(doc).facts.declaredScores;
    expect(pick(scores)).toEqual(expected);
    // Each score was read from a row of the model.
    const modelRows = tableRows(doc).filter((r) => r.grid);
    for (const s of scores.filter((x) => x.unit !== null)) {
      expect(modelRows.some((r) => r.start === s.evidence.start && r.end === s.evidence.end)).toBe(true);
    }
  });
});
