/**
 * A district's results decision (10 units, fixtures/scoring/tu-nghia): xã Nghĩa Mỹ 78,50 is graded
 * "Hoàn thành tốt" while xã Nghĩa Hiệp 84,00 is only "Hoàn thành" (a lower score graded higher),
 * xã Nghĩa Điền 89,50 is ranked 6th above xã Nghĩa Thuận 91,75 ranked 7th (a rank inversion), and
 * xã Nghĩa Sơn writes 95,00 − 2,00 = 94,00. Both table checks need no threshold.
 */
import { describe, expect, it } from "vitest";
import { docsOf, fixtureDocs, fixtureJson, score } from "./scoring-fixtures.js";

const QD = "tu-nghia/qd-95-ket-qua-2023.json";
const PLAN = "nghia-ky/ke-hoach-2024.json";

describe("results decision", () => {
  const s = score(fixtureDocs(QD));

  it("reads ten units of 2023 under the Quảng Ngãi rubric, names normalised", () => {
    expect(s.units.map((u) => u.unit).sort()).toEqual(
      [
        "La Hà",
        "Nghĩa Kỳ",
        "Nghĩa Lâm",
        "Nghĩa Sơn",
        "Sông Vệ",
        "Nghĩa Thuận",
        "Nghĩa Điền",
        "Nghĩa Phương",
        "Nghĩa Hiệp",
        "Nghĩa Mỹ",
      ].sort(),
    );
    expect(s.units.every((u) => u.year === 2023 && u.rubric === "quang-ngai-1211-2022")).toBe(true);
    expect(s.units.find((u) => u.unit === "Nghĩa Lâm")?.level).toBe("xa");
    expect(s.units.find((u) => u.unit === "La Hà")?.level).toBe("thi_tran");
  });

  it("flags the lower score graded higher, quoting both rows", () => {
    const table = s.flags.filter((f) => f.kind === "classification" && f.severity !== "info");
    expect(table.map((f) => f.unit)).toEqual(["Nghĩa Mỹ"]);
    expect(table[0]?.message).toContain("78,50");
    expect(table[0]?.message).toContain("Nghĩa Hiệp 84,00");
    expect(table[0]?.evidence.map((e) => e.text.split("\t")[1])).toEqual(["xã Nghĩa Mỹ", "xã Nghĩa Hiệp"]);
  });

  it("flags the rank inversion on the unit ranked too high", () => {
    const rank = s.flags.filter((f) => f.kind === "rank");
    expect(rank.map((f) => [f.unit, f.severity])).toEqual([["Nghĩa Điền", "error"]]);
    expect(rank[0]?.message).toContain("xếp thứ 6/10");
    expect(rank[0]?.message).toContain("Nghĩa Thuận 91,75 điểm xếp thứ 7");
    expect(rank[0]?.evidence).toHaveLength(2);
  });

  it("flags the row whose final score is not assessed − deduction", () => {
    const arithmetic = s.flags.filter((f) => f.kind === "arithmetic");
    expect(arithmetic.map((f) => f.unit)).toEqual(["Nghĩa Sơn"]);
    expect(arithmetic[0]?.message).toBe(
      "Tổng điểm khai 94,00 nhưng điểm thẩm định 95,00 − điểm trừ 2,00 = 93,00",
    );
  });

  it("keeps threshold findings at info level: the Quảng Ngãi thresholds are provisional", () => {
    const byRubric = s.flags.filter((f) => f.kind === "classification" && f.message.includes("1211/QĐ-UBND"));
    expect(byRubric.length).toBeGreaterThan(0);
    expect(byRubric.every((f) => f.severity === "info" && f.message.includes("tạm tính"))).toBe(true);
  });

  it("runs the table checks without any rubric, and says which checks it skipped", () => {
    const bare = score(fixtureDocs(QD), { rubrics: [] });
    expect(bare.rubric.id).toBeNull();
    expect(bare.units.every((u) => u.rubric === null && u.computed.classification === null)).toBe(true);
    const kinds = bare.flags.map((f) => `${f.kind}:${f.unit}`);
    expect(kinds).toContain("classification:Nghĩa Mỹ");
    expect(kinds).toContain("rank:Nghĩa Điền");
    expect(kinds).toContain("arithmetic:Nghĩa Sơn");
    expect(bare.flags.some((f) => f.message.includes("1211/QĐ-UBND"))).toBe(false);
    expect(bare.messages.some((m) => m.reason.includes("chỉ chạy các kiểm tra không cần"))).toBe(true);
  });
});

describe("deductions in a decision", () => {
  const deduction = (doc: { text: string }) => {
    const start = doc.text.indexOf("Điểm trừ");
    return {
      criterion: 3,
      content: null,
      points: 1,
      reason: null,
      evidence: { page: 1, start, end: start + 8, text: "Điểm trừ" },
    };
  };

  it("are not given to any unit of a table of several units, and a note says so", () => {
    const json = fixtureJson(QD);
    const doc = json.documents[0] as { text: string; deductions: unknown[] };
    doc.deductions = [deduction(doc)];
    const s = score(docsOf(json, "tu-nghia/qd-95.txt"));
    expect(s.units.every((u) => Object.keys(u.deductionsByCriterion).length === 0)).toBe(true);
    expect(s.messages.map((m) => m.reason)).toContain(
      "Văn bản có bảng điểm nhiều đơn vị: không gán được các khoản trừ điểm cho từng đơn vị, bỏ qua.",
    );
  });

  it("belong to the one unit a decision scores", () => {
    const json = fixtureJson(QD);
    const doc = json.documents[0] as { text: string; deductions: unknown[]; declaredScores: unknown[] };
    doc.declaredScores = doc.declaredScores.slice(2, 3);
    doc.deductions = [deduction(doc)];
    const s = score(docsOf(json, "tu-nghia/qd-95.txt"));
    expect(s.units.map((u) => [u.unit, u.deductionsByCriterion])).toEqual([["Nghĩa Lâm", { "3": 1 }]]);
  });
});

describe("a unit's own plan next to the district's table", () => {
  it("groups 'Nghĩa Kỳ' (plan) with 'xã Nghĩa Kỳ' (table) into one unit-year", () => {
    const s = score(fixtureDocs(QD, PLAN));
    const ky = s.units.filter((u) => u.key === "nghia ky");
    expect(ky).toHaveLength(1);
    expect(ky[0]?.sources).toEqual(["nghia-ky/ke-hoach-2024.docx", "tu-nghia/qd-95-ket-qua-2023.txt"]);
    expect(ky[0]?.declared).toMatchObject({ assessed: 95.5, final: 95.5, rank: 2, rankOf: 10 });
    expect(ky[0]?.computed).toMatchObject({ basis: "deductions", score: 95.5, deductionTotal: 4.5 });
    // The plan and the table agree, and the plan's 2/10 fits the table's scores.
    expect(s.flags.filter((f) => f.key === "nghia ky" && f.kind !== "remediation")).toEqual([]);
  });

  it("flags documents that disagree on a unit's rank, and the plan's rank claim the table contradicts", () => {
    const plan = fixtureJson(PLAN);
    const row = (plan.documents[0] as { declaredScores: { rank: number }[] }).declaredScores[0];
    if (!row) throw new Error("fixture lost its declared score");
    row.rank = 4;
    const s = score([...fixtureDocs(QD), ...docsOf(plan, "nghia-ky/ke-hoach-2024.docx")]);
    const rank = s.flags.filter((f) => f.kind === "rank");
    // The table's own inversion, plus two findings on the plan's claim; the table's other rows stay clean.
    expect(rank.map((f) => f.unit).sort()).toEqual(["Nghĩa Kỳ", "Nghĩa Kỳ", "Nghĩa Điền"]);
    const ky = rank.filter((f) => f.unit === "Nghĩa Kỳ");
    expect(ky.every((f) => f.severity === "warning")).toBe(true);
    expect(ky.map((f) => f.message)).toContain(
      "Các văn bản khai thứ hạng khác nhau: 4 (nghia-ky/ke-hoach-2024.docx); 2 (tu-nghia/qd-95-ket-qua-2023.txt)",
    );
    // 95,50 claimed 4th/10 while Nghĩa Lâm 95,25 is 3rd and Nghĩa Sơn 94,00 is 4th in the table.
    const claim = ky.find((f) => f.message.includes("khai 95,50 điểm xếp thứ 4/10"));
    expect(claim?.message).toContain("Nghĩa Lâm 95,25 điểm xếp thứ 3");
    expect(claim?.message).toContain("Nghĩa Sơn 94,00 điểm xếp thứ 4");
  });
});
