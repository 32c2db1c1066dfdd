/**
 * Choosing a rubric: by the province and legal basis a unit's documents name, and the assessed
 * year; `--rubric` (an id or a file) overrides; no match leaves the unit without a rubric.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBundledRubrics, RubricError, readScoringDoc } from "../pipeline/scoring/index.js";
import { chooseRubric, coversYear, rubricVotes } from "../pipeline/scoring/rubric-select.js";
import { rubricsFor } from "../pipeline/scoring/write-scores.js";
import { fixtureDocs, score } from "./scoring-fixtures.js";

const rubrics = loadBundledRubrics();
const docOf = (text: string, extra: Record<string, unknown> = {}) =>
  readScoringDoc({ source: "x/a.txt", document: 0, raw: { text, ...extra } });

describe("rubric votes", () => {
  it("counts basis and province together most, either alone weakly", () => {
    const both = rubricVotes(docOf("Căn cứ Quyết định số 1211/QĐ-UBND của UBND tỉnh Quảng Ngãi"), rubrics);
    expect(both.map((v) => [v.rubric.id, v.strength])).toEqual([["quang-ngai-1211-2022", 3]]);
    const province = rubricVotes(docOf("UBND THÀNH PHỐ CẦN THƠ"), rubrics);
    expect(province.map((v) => [v.rubric.id, v.strength])).toEqual([["can-tho-2579-2025", 1]]);
    // Unaccented OCR text folds to the same needles.
    const ocr = rubricVotes(docOf("Quyet dinh so 2579/QD-UBND cua thanh pho Can Tho"), rubrics);
    expect(ocr.map((v) => [v.rubric.id, v.strength])).toEqual([["can-tho-2579-2025", 3]]);
  });

  it("does not read a district-level city or another province as the rubric's province", () => {
    expect(rubricVotes(docOf("UBND thành phố Quảng Ngãi; tỉnh Quảng Nam"), rubrics)).toEqual([]);
  });
});

describe("chooseRubric", () => {
  const qn = docOf("tỉnh Quảng Ngãi, Quyết định số 1211/QĐ-UBND");

  it("needs the assessed year inside the rubric's years", () => {
    const ct = rubrics.find((r) => r.id === "can-tho-2579-2025");
    if (!ct) throw new Error("no Cần Thơ rubric");
    expect([coversYear(ct, 2024), coversYear(ct, 2025), coversYear(ct, 2030), coversYear(ct, null)]).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(chooseRubric([docOf("thành phố Cần Thơ")], 2023, rubrics, null)).toBeNull();
    expect(chooseRubric([qn], 2023, rubrics, null)?.rubric.id).toBe("quang-ngai-1211-2022");
  });

  it("falls back to the batch's single rubric for a unit whose documents name none", () => {
    const qnRubric = rubrics.find((r) => r.id === "quang-ngai-1211-2022") ?? null;
    const choice = chooseRubric([docOf("xã Nghĩa Hà")], 2023, rubrics, qnRubric);
    expect(choice?.rubric.id).toBe("quang-ngai-1211-2022");
    expect(choice?.reason).toContain("trong lô");
    expect(chooseRubric([docOf("xã Nghĩa Hà")], 2023, rubrics, null)).toBeNull();
  });
});

describe("--rubric", () => {
  it("forces a rubric by id for every unit", () => {
    const s = score(fixtureDocs("ba-to/ke-hoach-2025.json"), { rubricId: "can-tho-2579-2025" });
    expect(s.rubric).toMatchObject({ id: "can-tho-2579-2025", reason: "chọn bằng --rubric" });
    expect(s.units.every((u) => u.rubric === "can-tho-2579-2025")).toBe(true);
  });

  it("rejects an unknown id, naming the known ones", () => {
    expect(() => score([], { rubricId: "ha-noi-2020" })).toThrow(RubricError);
    expect(() => score([], { rubricId: "ha-noi-2020" })).toThrow(/can-tho-2579-2025, quang-ngai-1211-2022/);
  });

  it("accepts a rubric file of the user's own", () => {
    const dir = mkdtempSync(join(tmpdir(), "kehoach-rubric-"));
    const own = JSON.parse(JSON.stringify(rubrics.find((r) => r.id === "can-tho-2579-2025")));
    own.id = "my-province-2026";
    const path = join(dir, "mine.json");
    writeFileSync(path, JSON.stringify(own));
    const picked = rubricsFor({ rubric: path });
    expect(picked.rubricId).toBe("my-province-2026");
    expect(picked.rubrics.map((r) => r.id)).toContain("my-province-2026");
  });
});
