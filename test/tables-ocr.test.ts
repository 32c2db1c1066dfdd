import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  fixtureImage,
  type TableFixture,
  tableFixtures,
  truthTables,
  truthText,
} from "../bench/table-fixtures.js";
import { characterErrorRate } from "../pipeline/eval/cer.js";
import { createOcrEngine } from "../pipeline/ocr/engine.js";
import { scoreTable } from "../pipeline/tables/compare.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import type { DeclaredScore } from "../schemas/index.js";
import { Table } from "../schemas/table.js";
import { runFile } from "./helpers/run-file.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const normalise = (text: string) => normaliseVi(text).text;

function fixture(file: string): TableFixture {
  const found = tableFixtures().find((f) => f.file === file);
  if (!found) throw new Error(`${file} is not in fixtures/tables/manifest.json`);
  return found;
}

const engine = createOcrEngine({ workers: 2 });
afterAll(() => engine.terminate());

async function read(f: TableFixture) {
  const { image, dpi } = await fixtureImage(f);
  return engine.recognise(image, { ...(dpi ? { dpi } : {}), pageNumber: f.page });
}

describe("ruled tables read cell by cell", () => {
  it.each([
    ["a skewed, noisy 200 dpi scan", "tables/results/scan-200-noisy.pdf"],
    // At 300 dpi tesseract's block mode once read the lone rank "3" as "4" (confidence 0.14):
    // short numbers read unsurely are read again as one word.
    ["a clean 300 dpi scan", "tables/results/scan-300.pdf"],
  ])("reads a results table from %s: every row, every column, every number", async (_form, file) => {
    const f = fixture(file);
    const result = await read(f);
    const [truth] = truthTables(f);
    expect(result.tables).toHaveLength(1);
    const [table] = result.tables ?? [];
    const score = scoreTable(table as Table, truth as NonNullable<typeof truth>, normalise);
    expect(score.shapeExact).toBe(true);
    expect(score.misses.filter((m) => /^[\d,./-]+$/u.test(m.want))).toEqual([]);
    expect(score.numericExact / score.numeric).toBe(1);
    expect(score.exact / score.cells).toBeGreaterThanOrEqual(0.97);
    // The page text holds the table one row per line, in its place under the title.
    expect(characterErrorRate(normalise(result.text), normalise(truthText(f)))).toBeLessThan(0.02);
    expect(result.text).toMatch(/^3\tUBND xã Nghĩa Lâm\t98,50\t96,25\t1,00\t95,25\t/mu);
  });

  it("keeps merged cells, the separators of small deductions, and the text above and below the table", async () => {
    const f = fixture("tables/deductions/scan-300.pdf");
    const result = await read(f);
    const [truth] = truthTables(f);
    const [table] = result.tables ?? [];
    const score = scoreTable(table as Table, truth as NonNullable<typeof truth>, normalise);
    expect(score).toMatchObject({ shapeExact: true, mergesExact: true });
    expect(score.numericExact).toBe(score.numeric);
    expect(Table.parse(table)).toMatchObject({ page: 1, source: "ocr-grid", rows: 7, cols: 5 });
    for (const cell of table?.cells ?? []) {
      if (cell.span) expect(result.text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
      expect(cell.confidence === null).toBe(cell.text === "");
    }
    const text = normalise(result.text);
    const above = text.indexOf("như sau:");
    const row = text.indexOf("2\t\tNội dung 2: Phòng, chống tham nhũng, lãng phí\t1,50\t");
    const below = text.indexOf("Tổng số điểm bị trừ năm 2024 là 6,25 điểm");
    expect([above >= 0, row > above, below > row]).toEqual([true, true, true]);
  });

  // The year comes from the title above the table, which the photo (like any printed page) wraps
  // over two lines in capitals.
  it("gives the declared scores of every unit from a phone photo of the results table as from its text", async () => {
    const pick = (scores: DeclaredScore[]) =>
      scores
        .filter((s) => s.unit !== null)
        .map(
          ({ unit, year, selfAssessed, assessed, extraDeduction, final, rank, rankOf, classification }) => ({
            unit,
            year,
            selfAssessed,
            assessed,
            extraDeduction,
            final,
            rank,
            rankOf,
            classification,
          }),
        );
    const fromText = await runFile(join(FIXTURES, "results-decision", "qd-ket-qua.txt"));
    const fromPhoto = await runFile(join(FIXTURES, "tables", "results", "photo.jpg"), { ocr: engine });
    const expected = pick(fromText.output.documents.flatMap((d) => d.declaredScores));
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(pick(fromPhoto.output.documents.flatMap((d) => d.declaredScores))).toEqual(expected);
    // The table model reaches the output, cell spans pointing at the cells' text.
    const doc = fromPhoto.output.documents.find((d) => d.tables?.length);
    expect(doc?.tables?.[0]?.rows).toBeGreaterThanOrEqual(expected.length);
    for (const cell of doc?.tables?.[0]?.cells ?? []) {
      if (cell.span) expect(doc?.text.slice(cell.span.start, cell.span.end)).toBe(cell.text);
    }
  });
});
