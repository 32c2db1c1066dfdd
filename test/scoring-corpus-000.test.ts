/**
 * Corpus 000 (the Ba Tơ plan for 2025): its 2024 result must add up under the Quảng Ngãi rubric.
 * 100 − (3 + 2 + 0,5 + 1 + 2 + 2) = 89,50 = "huyện chấm 89,50"; 89,50 − 6 = 83,50 = the final score.
 * The fixture holds the six deductions of section II.2.2 and the declared figures of II.2.1.
 */
import { describe, expect, it } from "vitest";
import { docsOf, fixtureDocs, fixtureJson, score } from "./scoring-fixtures.js";

const FILE = "ba-to/ke-hoach-2025.json";

describe("corpus 000: Ba Tơ 2024", () => {
  it("holds the six deductions of section 2.2, summing to 10,5", () => {
    const doc = fixtureJson(FILE).documents[0] as {
      deductions: { criterion: number; content: number; points: number }[];
    };
    expect(doc.deductions.map((d) => [d.criterion, d.content, d.points])).toEqual([
      [2, 1, 3],
      [2, 2, 2],
      [3, 3, 0.5],
      [5, 2, 1],
      [6, 2, 2],
      [6, 4, 2],
    ]);
  });

  it("recomputes 100 − 10,5 − 6 = 83,5 and raises no arithmetic flag", () => {
    const s = score(fixtureDocs(FILE));
    expect(s.rubric.id).toBe("quang-ngai-1211-2022");
    const u = s.units.find((x) => x.unit === "Ba Tơ");
    expect(u).toMatchObject({
      year: 2024,
      level: "thi_tran",
      rubric: "quang-ngai-1211-2022",
      declared: { selfAssessed: 97.5, assessed: 89.5, extraDeduction: 6, final: 83.5, rank: 12, rankOf: 19 },
      computed: { score: 83.5, basis: "deductions", scale: 100, deductionTotal: 10.5 },
    });
    expect(u?.deductionsByCriterion).toEqual({ "2": 5, "3": 0.5, "5": 1, "6": 4 });
    expect(s.flags.filter((f) => f.kind === "arithmetic")).toEqual([]);
    // 83,50 is "Hoàn thành tốt" under the provisional thresholds too: no classification finding.
    expect(u?.computed.classification).toBe("HOAN_THANH_TOT");
    expect(s.flags.filter((f) => f.kind === "classification")).toEqual([]);
  });

  it("flags the self-assessment 97,50 against the assessment 89,50", () => {
    const s = score(fixtureDocs(FILE));
    const gap = s.flags.filter((f) => f.kind === "self_gap");
    expect(gap).toHaveLength(1);
    expect(gap[0]?.message).toContain("97,50");
    expect(gap[0]?.message).toContain("8,00");
    expect(
      score(fixtureDocs(FILE), { selfGapThreshold: 10 }).flags.filter((f) => f.kind === "self_gap"),
    ).toEqual([]);
  });

  it("finds every deducted criterion remedied by a task with a lead and a deadline", () => {
    expect(score(fixtureDocs(FILE)).flags.filter((f) => f.kind === "remediation")).toEqual([]);
  });

  it("raises an arithmetic error when one deduction is changed (0,5 → 1,5)", () => {
    const json = fixtureJson(FILE);
    const doc = json.documents[0] as { deductions: { points: number; evidence: { start: number } }[] };
    const changed = doc.deductions[2];
    if (!changed) throw new Error("fixture lost its third deduction");
    changed.points = 1.5;
    const s = score(docsOf(json, "ba-to/ke-hoach-2025"));
    const flags = s.flags.filter((f) => f.kind === "arithmetic");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: "error", unit: "Ba Tơ", year: 2024 });
    expect(flags[0]?.message).toBe("Điểm thẩm định khai 89,50 nhưng 100 − tổng điểm trừ 11,50 = 88,50");
    // Both sides quoted: the declared figure and every deduction it was compared with.
    const facts = flags[0]?.evidence.map((e) => e.fact);
    expect(facts?.filter((f) => f === "declaredScores")).toHaveLength(1);
    expect(facts?.filter((f) => f === "deductions")).toHaveLength(6);
    expect(flags[0]?.evidence.some((e) => e.start === changed.evidence.start)).toBe(true);
    expect(flags[0]?.evidence.every((e) => e.source === "ba-to/ke-hoach-2025.txt")).toBe(true);
  });

  it("raises an arithmetic error when the final score is not assessed − extra deduction", () => {
    const json = fixtureJson(FILE);
    const row = (json.documents[0] as { declaredScores: { final: number }[] }).declaredScores[0];
    if (!row) throw new Error("fixture lost its declared score");
    row.final = 84.5;
    const flags = score(docsOf(json, "ba-to/ke-hoach-2025")).flags.filter((f) => f.kind === "arithmetic");
    expect(flags.map((f) => f.message)).toEqual([
      "Tổng điểm khai 84,50 nhưng điểm thẩm định 89,50 − điểm trừ 6,00 = 83,50",
    ]);
  });
});
