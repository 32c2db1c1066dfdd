/**
 * One fixture per flag kind (fixtures/scoring/<unit>/), plus small documents built here for the
 * edges: each test asserts the flag fires where it must and stays silent where it must not.
 */
import { describe, expect, it } from "vitest";
import type { SourcedDocument } from "../pipeline/scoring/index.js";
import { declared, docsOf, ev, fixtureDocs, fixtureJson, score } from "./scoring-fixtures.js";

/** A one-document file whose facts are built by `facts(text)`. */
function doc(
  source: string,
  text: string,
  meta: Record<string, unknown>,
  facts: Record<string, unknown>,
): SourcedDocument {
  return {
    source,
    document: 0,
    raw: { ...meta, text, pages: [{ page: 1, start: 0, end: text.length }], ...facts },
  };
}

describe("over_max (Cần Thơ rubric: criterion 1 = 10 points, deductions ≤ 3)", () => {
  const s = score(fixtureDocs("an-binh/bao-cao-2025.json"));

  it("chooses the Cần Thơ rubric from the document's legal basis and city", () => {
    expect(s.units[0]).toMatchObject({ unit: "An Bình", year: 2025, rubric: "can-tho-2579-2025" });
    expect(s.rubric).toMatchObject({ id: "can-tho-2579-2025", provisional: false, scale: 100 });
  });

  it("flags criterion 1 losing 11 points and an extra deduction of 4", () => {
    const over = s.flags.filter((f) => f.kind === "over_max");
    expect(over.map((f) => f.message)).toEqual([
      "Tiêu chí 1 bị trừ 11,00 điểm, vượt điểm tối đa 10 của tiêu chí theo 2579/QĐ-UBND",
      "Điểm trừ 4,00 vượt mức tối đa 3 điểm theo 2579/QĐ-UBND",
    ]);
    expect(over.every((f) => f.severity === "error")).toBe(true);
    expect(over[0]?.evidence.map((e) => e.text)).toEqual([
      "bị trừ 6,00 điểm do chưa ban hành kế hoạch",
      "bị trừ 5,00 điểm do chưa cụ thể hóa",
    ]);
  });

  it("accepts its arithmetic and its class: 85 with a criterion at 0 is only 'Hoàn thành'", () => {
    expect(s.flags.filter((f) => f.kind !== "over_max")).toEqual([]);
    expect(s.units[0]?.computed).toMatchObject({
      score: 85,
      classification: "HOAN_THANH",
      criterionAtZero: true,
    });
  });

  it("says nothing where the rubric does not know the maximum (Quảng Ngãi)", () => {
    expect(score(fixtureDocs("ba-to/ke-hoach-2025.json")).flags.filter((f) => f.kind === "over_max")).toEqual(
      [],
    );
  });
});

describe("classification under the rubric", () => {
  it("flags 'Hoàn thành tốt' declared at 89,50 with a criterion at 0 as an error", () => {
    const s = score(fixtureDocs("cai-khe/bao-cao-2025.json"));
    const cls = s.flags.filter((f) => f.kind === "classification");
    expect(cls).toHaveLength(1);
    expect(cls[0]).toMatchObject({ severity: "error", unit: "Cái Khế", year: 2025 });
    expect(cls[0]?.message).toBe(
      "Xếp loại khai “Hoàn thành tốt nhiệm vụ” nhưng 89,50 điểm theo 2579/QĐ-UBND là “Hoàn thành nhiệm vụ” (có tiêu chí bị chấm 0 điểm)",
    );
    // The deductions that put criterion 1 at 0 are quoted with the declared class.
    expect(cls[0]?.evidence.map((e) => e.fact)).toEqual(["declaredScores", "deductions", "deductions"]);
  });

  it("stays silent when the same unit declares the class its score earns", () => {
    const json = fixtureJson("cai-khe/bao-cao-2025.json");
    const row = (json.documents[0] as { declaredScores: { classification: string }[] }).declaredScores[0];
    if (!row) throw new Error("fixture lost its declared score");
    row.classification = "HOAN_THANH";
    expect(score(docsOf(json, "cai-khe/bao-cao-2025.pdf")).flags).toEqual([]);
  });

  it("makes a class worse than the score a warning that names the possible downgrade", () => {
    const json = fixtureJson("cai-khe/bao-cao-2025.json");
    const row = (json.documents[0] as { declaredScores: { classification: string }[] }).declaredScores[0];
    if (!row) throw new Error("fixture lost its declared score");
    row.classification = "KHONG_HOAN_THANH";
    const cls = score(docsOf(json, "cai-khe/bao-cao-2025.pdf")).flags.filter(
      (f) => f.kind === "classification",
    );
    expect(cls.map((f) => f.severity)).toEqual(["warning"]);
    expect(cls[0]?.message).toContain("hạ bậc");
  });
});

describe("remediation (xã Nghĩa Kỳ: 2023 deductions on criteria 3, 7, 9; 2024 plan)", () => {
  const s = score(fixtureDocs("nghia-ky/ke-hoach-2024.json"));
  const rem = s.flags.filter((f) => f.kind === "remediation");

  it("flags criterion 7 (a lead but no deadline) and 9 (no task), not 3", () => {
    expect(rem.map((f) => f.values?.criterion)).toEqual([7, 9]);
    expect(rem[0]?.message).toBe(
      "Tiêu chí 7 bị trừ 2,00 điểm năm 2023 nhưng kế hoạch năm 2024: không có nhiệm vụ nào có thời hạn",
    );
    expect(rem[1]?.message).toContain("không có nhiệm vụ nào cho tiêu chí này");
    expect(rem.every((f) => f.severity === "warning" && f.year === 2023 && f.unit === "Nghĩa Kỳ")).toBe(true);
    expect(rem[0]?.evidence.map((e) => e.fact)).toEqual(["deductions", "tasks"]);
  });

  it("skips, with a note, a plan whose tasks name no criterion", () => {
    const json = fixtureJson("nghia-ky/ke-hoach-2024.json");
    for (const t of (json.documents[0] as { tasks: { criterion: unknown }[] }).tasks) t.criterion = null;
    const t = score(docsOf(json, "nghia-ky/ke-hoach-2024.docx"));
    expect(t.flags.filter((f) => f.kind === "remediation")).toEqual([]);
    expect(t.messages.some((m) => m.reason.includes("bỏ qua kiểm tra khắc phục"))).toBe(true);
  });
});

describe("past_deadline (phường Phổ Minh plan of 19/3/2024)", () => {
  it("flags only the deadline already past, once, with the issue date as evidence", () => {
    const s = score(fixtureDocs("pho-minh/ke-hoach-2024.json"));
    expect(s.flags.map((f) => f.kind)).toEqual(["past_deadline"]);
    const f = s.flags[0];
    expect(f?.message).toBe(
      "Thời hạn “trước ngày 12/3/2024” (12/03/2024) đã qua trước ngày ban hành văn bản 19/03/2024 (số 45/KH-UBND)",
    );
    expect(f?.evidence.map((e) => [e.fact, e.text])).toEqual([
      ["deadlines", "trước ngày 12/3/2024"],
      ["issuedOn", "ngày 19 tháng 3 năm 2024"],
      ["tasks", expect.stringContaining("Các tổ dân phố đăng ký")],
    ]);
  });

  it("ignores documents without an issue date", () => {
    const json = fixtureJson("pho-minh/ke-hoach-2024.json");
    (json.documents[0] as { issuedOn: unknown }).issuedOn = null;
    expect(score(docsOf(json, "pho-minh/ke-hoach-2024.pdf")).flags).toEqual([]);
  });
});

describe("arithmetic and self_gap on small documents", () => {
  const text = "Năm 2024 xã tự chấm 96,00 điểm, huyện chấm 93,50 điểm, điểm thưởng 1,00, tổng 94,50 điểm.";
  const meta = { kind: "BAO_CAO", year: 2024, unit: { name: "Tịnh Hà", level: "xa" } };

  it("accepts a bonus counted after the assessment, and a gap below the threshold", () => {
    const row = declared(ev(text, "tự chấm 96,00"), {
      selfAssessed: 96,
      assessed: 93.5,
      bonus: 1,
      final: 94.5,
    });
    const s = score([doc("tinh-ha/bc.txt", text, meta, { declaredScores: [row] })]);
    expect(s.flags).toEqual([]);
  });

  it("flags a final score that differs from the assessed one with no deduction written, as a warning", () => {
    const row = declared(ev(text, "tự chấm 96,00"), { selfAssessed: 96, assessed: 93.5, final: 92.5 });
    const s = score([doc("tinh-ha/bc.txt", text, meta, { declaredScores: [row] })]);
    expect(s.flags.map((f) => [f.kind, f.severity])).toEqual([["arithmetic", "warning"]]);
  });

  it("compares scores rounded to 0,01: 0,1 + 0,2 deductions give exactly 99,70", () => {
    const t =
      "Tiêu chí 1 bị trừ 0,1 điểm. Tiêu chí 2 bị trừ 0,2 điểm. Huyện chấm 99,70 điểm. tỉnh Quảng Ngãi";
    const d = (c: number, p: number, a: string) => ({
      criterion: c,
      content: null,
      points: p,
      reason: null,
      evidence: ev(t, a),
    });
    const row = declared(ev(t, "Huyện chấm 99,70"), { assessed: 99.7 });
    const s = score([
      doc(
        "x/kh.txt",
        t,
        { kind: "BAO_CAO", year: 2024, unit: { name: "Tịnh Hà", level: "xa" } },
        {
          deductions: [d(1, 0.1, "bị trừ 0,1 điểm"), d(2, 0.2, "bị trừ 0,2 điểm")],
          declaredScores: [row],
        },
      ),
    ]);
    expect(s.units[0]?.rubric).toBe("quang-ngai-1211-2022");
    expect(s.units[0]?.computed.score).toBe(99.7);
    expect(s.flags.filter((f) => f.kind === "arithmetic")).toEqual([]);
  });

  it("tolerates documents without fact fields, and drops malformed facts with a message", () => {
    const row = declared(ev(text, "tự chấm 96,00"), { selfAssessed: "96", assessed: 93.5 });
    const s = score([
      { source: "a/empty.txt", document: 0, raw: { text: "", pages: [] } },
      doc("tinh-ha/bc.txt", text, meta, { declaredScores: [row] }),
    ]);
    expect(s.units).toEqual([]);
    expect(s.messages.map((m) => m.source)).toEqual(["tinh-ha/bc.txt"]);
  });
});
