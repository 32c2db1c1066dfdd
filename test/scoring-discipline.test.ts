/**
 * Discipline under the Cần Thơ rubric (QĐ 2579 Điều 6): a leader's "khiển trách" caps the class at
 * Hoàn thành tốt, "cảnh cáo" at Hoàn thành, "cách chức" or heavier fails the unit. Each unit below is
 * a small report whose discipline facts come from the real extractor, so the test covers the words
 * as well as the rule: a declared class above the cap is a `discipline_cap` finding quoting both.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractDiscipline } from "../extractors/discipline.js";
import { docFromText } from "../extractors/test-doc.js";
import { renderReport } from "../pipeline/report/index.js";
import {
  buildScores,
  CLASS_LABELS,
  loadBundledRubrics,
  type SourcedDocument,
  scoresCsv,
} from "../pipeline/scoring/index.js";
import type { Classification } from "../schemas/index.js";
import { declared, docsOf, ev, fixtureJson, score } from "./scoring-fixtures.js";

const BASIS = "Quyết định số 2579/QĐ-UBND ngày 21 tháng 11 năm 2025";

/** A 2025 self-assessment report of phường `unit` (Cần Thơ), declaring `points` and `cls`, plus `sentence`. */
function report(unit: string, points: number, cls: Classification, sentence: string): SourcedDocument {
  const result = `Tổng hợp: phường tự chấm ${points},00 điểm; điểm thẩm định ${points},00 điểm; xếp loại ${CLASS_LABELS[cls]}.`;
  const text = [
    "ỦY BAN NHÂN DÂN",
    `PHƯỜNG ${unit.toUpperCase()}`,
    "BÁO CÁO",
    `Kết quả tự đánh giá, chấm điểm công tác dân vận năm 2025 của Ủy ban nhân dân phường ${unit}`,
    `Căn cứ ${BASIS} của Ủy ban nhân dân thành phố Cần Thơ ban hành Quy định Tiêu chí đánh giá, xếp loại công tác dân vận;`,
    result,
    sentence,
  ].join("\n");
  return {
    source: `${unit.toLowerCase().replace(/\s+/g, "-")}/bao-cao-2025.pdf`,
    document: 0,
    raw: {
      kind: "BAO_CAO",
      issuer: `UBND phường ${unit}`,
      unit: { name: unit, level: "phuong" },
      year: 2025,
      references: [{ kind: "QUYET_DINH", number: "2579/QĐ-UBND", issuedOn: null, evidence: ev(text, BASIS) }],
      deductions: [],
      declaredScores: [declared(ev(text, result), { year: 2025, assessed: points, classification: cls })],
      discipline: extractDiscipline(docFromText(text)),
      pages: [{ page: 1, start: 0, end: text.length }],
      text,
    },
  };
}

const kinds = (docs: SourcedDocument[]) => score(docs).flags.map((f) => f.kind);

/** Top-level “…” quotations of a source string (one level of nested quotes stays inside). */
const quotations = (source: string) =>
  [...source.matchAll(/“((?:[^“”]|“[^“”]*”)*)”/g)].map((m) => m[1] ?? "");

describe("the Cần Thơ rubric's machine-readable conditions", () => {
  const canTho = loadBundledRubrics().find((r) => r.id === "can-tho-2579-2025");
  const flat = (x: string) =>
    x
      .replace(/[*“”"]/g, "")
      .replace(/\s+/g, " ")
      .trim();

  it("gives the two downgrades and the 'cách chức trở lên' fail a condition, and nothing else", () => {
    const when = [...(canTho?.automaticFail ?? []), ...(canTho?.downgrades ?? [])]
      .filter((r) => r.when)
      .map((r) => [r.id, r.when?.subjects, r.when?.forms]);
    expect(when).toEqual([
      ["lanh_dao_cach_chuc", ["leader"], ["cach_chuc", "bai_nhiem", "buoc_thoi_viec", "khai_tru"]],
      ["lanh_dao_khien_trach", ["leader"], ["khien_trach"]],
      ["lanh_dao_canh_cao", ["leader"], ["canh_cao"]],
    ]);
  });

  it("quotes the decision's own words for who and which forms", () => {
    const decision = flat(readFileSync("fixtures/corpus/more/cantho_2579-QD-UBND_2025_rubric.md", "utf8"));
    const sources = [...(canTho?.automaticFail ?? []), ...(canTho?.downgrades ?? [])].flatMap((r) =>
      r.when?.source ? [r.when.source] : [],
    );
    expect(sources).toHaveLength(3);
    let checked = 0;
    for (const source of sources) {
      // The top-level quotations; the words outside them explain, and are not the decision's.
      for (const quoted of quotations(source)) {
        for (const part of flat(quoted).split("…")) {
          const words = part.replace(/^[\s,.;:]+|[\s,.;:]+$/g, "");
          if (words.length < 8) continue;
          expect(decision, words).toContain(words);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

describe("a leader's khiển trách: at most Hoàn thành tốt", () => {
  const sentence = "Năm 2025, đồng chí Nguyễn Văn A, Phó Chủ tịch UBND phường bị kỷ luật khiển trách.";

  it("caps the recomputed class and flags Hoàn thành xuất sắc declared at 97 points", () => {
    const s = score([report("An Hòa", 97, "HOAN_THANH_XUAT_SAC", sentence)]);
    expect(s.units[0]).toMatchObject({ rubric: "can-tho-2579-2025", year: 2025 });
    expect(s.units[0]?.computed).toMatchObject({
      score: 97,
      classification: "HOAN_THANH_TOT",
      cappedBy: ["lanh_dao_khien_trach"],
    });
    expect(s.flags.map((f) => f.kind)).toEqual(["discipline_cap"]);
    const flag = s.flags[0];
    expect(flag).toMatchObject({ severity: "error", unit: "An Hòa", year: 2025 });
    expect(flag?.message).toContain("“Hoàn thành xuất sắc nhiệm vụ”");
    expect(flag?.message).toContain(
      "lãnh đạo (người đứng đầu hoặc cấp phó) bị kỷ luật khiển trách (năm 2025)",
    );
    expect(flag?.message).toContain("xếp loại cao nhất là “Hoàn thành tốt nhiệm vụ”");
    // The rule's own words, as the rubric quotes QĐ 2579.
    expect(flag?.message).toContain(
      "“Bị xử lý kỷ luật hình thức “Khiển trách” thì xếp loại cao nhất là hoàn thành tốt.”",
    );
    expect(flag?.evidence.map((e) => [e.fact, e.text])).toEqual([
      [
        "declaredScores",
        "Tổng hợp: phường tự chấm 97,00 điểm; điểm thẩm định 97,00 điểm; xếp loại Hoàn thành xuất sắc nhiệm vụ.",
      ],
      ["discipline", "Phó Chủ tịch UBND phường bị kỷ luật khiển trách"],
    ]);
    expect(flag?.values).toMatchObject({ declared: "HOAN_THANH_XUAT_SAC", cap: "HOAN_THANH_TOT" });
  });

  it("says how many other facts could not be applied for want of a subject or a form", () => {
    const unpaired =
      "Năm 2025, có đảng viên và công chức bị xử lý kỷ luật với hình thức khiển trách và cảnh cáo.";
    const s = score([report("An Hòa", 97, "HOAN_THANH_XUAT_SAC", `${sentence}\n${unpaired}`)]);
    expect(s.flags.map((f) => f.kind)).toEqual(["discipline_cap"]);
    expect(s.flags[0]?.message).toMatch(/\. 2 dữ kiện kỷ luật khác không rõ đối tượng hoặc hình thức/);
    // Only the fact that capped is quoted beside the declared class.
    expect(s.flags[0]?.evidence.map((e) => e.fact)).toEqual(["declaredScores", "discipline"]);
  });

  it("accepts Hoàn thành tốt: the discipline explains a class below the score", () => {
    expect(kinds([report("An Hòa", 97, "HOAN_THANH_TOT", sentence)])).toEqual([]);
    // Without the sentence the same class is a classification finding: the cap is what explains it.
    expect(kinds([report("An Hòa", 97, "HOAN_THANH_TOT", "")])).toEqual(["classification"]);
  });
});

describe("a leader's cảnh cáo: at most Hoàn thành", () => {
  const sentence = "Trong năm có Chủ tịch UBND phường bị xử lý kỷ luật với hình thức cảnh cáo.";

  it("flags Hoàn thành tốt and accepts Hoàn thành", () => {
    const s = score([report("Bình Thủy", 90, "HOAN_THANH_TOT", sentence)]);
    expect(s.flags.map((f) => [f.kind, f.severity])).toEqual([["discipline_cap", "error"]]);
    expect(s.flags[0]?.message).toContain("xếp loại cao nhất là “Hoàn thành nhiệm vụ”");
    expect(s.units[0]?.computed.classification).toBe("HOAN_THANH");
    expect(kinds([report("Bình Thủy", 90, "HOAN_THANH", sentence)])).toEqual([]);
  });

  it("lets the heavier of two stated measures decide", () => {
    const both = `${sentence}\nNăm 2025, có Phó Chủ tịch HĐND phường bị kỷ luật khiển trách.`;
    const s = score([report("Bình Thủy", 97, "HOAN_THANH_TOT", both)]);
    expect(s.units[0]?.computed).toMatchObject({
      classification: "HOAN_THANH",
      cappedBy: ["lanh_dao_canh_cao"],
    });
    expect(s.flags.map((f) => f.kind)).toEqual(["discipline_cap"]);
  });
});

describe("a leader removed from office: Không hoàn thành", () => {
  it("fails the unit whatever its score and flags Hoàn thành xuất sắc", () => {
    const sentence = "Năm 2025, có 01 cán bộ lãnh đạo UBND phường bị xử lý kỷ luật cách chức.";
    const s = score([report("Cái Răng", 98, "HOAN_THANH_XUAT_SAC", sentence)]);
    expect(s.units[0]?.computed).toMatchObject({
      classification: "KHONG_HOAN_THANH",
      cappedBy: ["lanh_dao_cach_chuc"],
    });
    expect(s.flags.map((f) => [f.kind, f.severity])).toEqual([["discipline_cap", "error"]]);
    expect(s.flags[0]?.message).toContain("đơn vị xếp loại “Không hoàn thành nhiệm vụ”");
    expect(s.flags[0]?.message).toContain("từ hình thức “Cách chức” trở lên");
    expect(s.flags[0]?.values).toMatchObject({ cap: "KHONG_HOAN_THANH", rules: "lanh_dao_cach_chuc" });
  });

  it("reads 'từ cách chức trở lên' as certain (every heavier form fails too), 'từ khiển trách trở lên' as no cap", () => {
    const heavy = "Lý do: có lãnh đạo UBND phường bị xử lý kỷ luật từ hình thức cách chức trở lên.";
    expect(
      score([report("Cái Răng", 98, "HOAN_THANH_XUAT_SAC", heavy)]).units[0]?.computed.classification,
    ).toBe("KHONG_HOAN_THANH");
    // "hạ bậc lương" is at least khiển trách too, and the rubric does not grade it: nothing is certain.
    const light = "Lý do: có lãnh đạo UBND phường bị xử lý kỷ luật từ hình thức khiển trách trở lên.";
    expect(kinds([report("Cái Răng", 98, "HOAN_THANH_XUAT_SAC", light)])).toEqual([]);
  });
});

describe("what does not cap", () => {
  it("an official who is not a leader", () => {
    const s = score([
      report("Hưng Phú", 97, "HOAN_THANH_XUAT_SAC", "Năm 2025, có 01 công chức bị kỷ luật cảnh cáo."),
    ]);
    expect(s.units[0]?.computed.classification).toBe("HOAN_THANH_XUAT_SAC");
    expect(s.units[0]?.computed.cappedBy).toBeUndefined();
    expect(s.flags).toEqual([]);
  });

  it("a negated sentence (no fact at all)", () => {
    const doc = report(
      "Hưng Phú",
      97,
      "HOAN_THANH_XUAT_SAC",
      "Trong năm không có lãnh đạo, công chức bị xử lý kỷ luật.",
    );
    expect((doc.raw as { discipline: unknown[] }).discipline).toEqual([]);
    expect(score([doc]).flags).toEqual([]);
  });

  it("a leader among others when the sentence does not say who got which form", () => {
    const sentence =
      "Năm 2025, có Phó Chủ tịch UBND phường và công chức bị xử lý kỷ luật với hình thức khiển trách và cảnh cáo.";
    const doc = report("Hưng Phú", 97, "HOAN_THANH_XUAT_SAC", sentence);
    const facts = (doc.raw as { discipline: { subject: string | null }[] }).discipline;
    expect(facts.map((f) => f.subject)).toEqual([null, null]);
    expect(score([doc]).flags).toEqual([]);
  });

  it("a fact of another year than the unit's scores, with a note", () => {
    const s = score([
      report("Hưng Phú", 97, "HOAN_THANH_XUAT_SAC", "Năm 2023, có Chủ tịch UBND phường bị kỷ luật cảnh cáo."),
    ]);
    expect(s.flags).toEqual([]);
    expect(s.messages.some((m) => m.reason.includes("dữ kiện kỷ luật"))).toBe(true);
  });

  it("a rubric whose rules have no condition (Quảng Ngãi), even for corpus 000's own sentences", () => {
    const json = fixtureJson("ba-to/ke-hoach-2025.json");
    const doc = json.documents[0] as { text: string; discipline?: unknown[] };
    doc.discipline = extractDiscipline(docFromText(doc.text));
    expect(doc.discipline.length).toBeGreaterThan(0);
    const s = score(docsOf(json, "ba-to/ke-hoach-2025.txt"));
    expect(s.rubric.id).toBe("quang-ngai-1211-2022");
    expect(s.flags.filter((f) => f.kind === "arithmetic" || f.kind === "discipline_cap")).toEqual([]);
    expect(s.units.find((u) => u.unit === "Ba Tơ")?.computed.classification).toBe("HOAN_THANH_TOT");
    // Under Cần Thơ's rules Ba Tơ's facts still cap nothing: no leader is named.
    const forced = score(docsOf(json, "ba-to/ke-hoach-2025.txt"), { rubricId: "can-tho-2579-2025" });
    expect(forced.flags.filter((f) => f.kind === "discipline_cap")).toEqual([]);
  });
});

describe("a results decision listing several units", () => {
  it("gives the discipline to the unit whose row it stands in", () => {
    const rows = [
      "1. Xã Hòa Bắc (96,5 điểm), xếp loại Hoàn thành xuất sắc nhiệm vụ.",
      "2. Xã Hòa Phú (96,0 điểm, do có cán bộ lãnh đạo bị xử lý kỷ luật cách chức), xếp loại Hoàn thành xuất sắc nhiệm vụ.",
    ];
    const text = ["QUYẾT ĐỊNH", "Công nhận kết quả đánh giá công tác dân vận năm 2025", ...rows].join("\n");
    const row = (unit: string, line: string, points: number) =>
      declared(ev(text, line), {
        unit,
        year: 2025,
        assessed: points,
        final: points,
        classification: "HOAN_THANH_XUAT_SAC",
      });
    const doc: SourcedDocument = {
      source: "ket-qua/qd-2025.pdf",
      document: 0,
      raw: {
        kind: "QUYET_DINH",
        year: 2025,
        declaredScores: [row("Xã Hòa Bắc", rows[0] ?? "", 96.5), row("Xã Hòa Phú", rows[1] ?? "", 96)],
        discipline: extractDiscipline(docFromText(text)),
        pages: [{ page: 1, start: 0, end: text.length }],
        text,
      },
    };
    const s = score([doc], { rubricId: "can-tho-2579-2025" });
    expect(s.flags.map((f) => [f.kind, f.unit])).toEqual([["discipline_cap", "Hòa Phú"]]);
    expect(s.units.map((u) => [u.unit, u.computed.classification])).toEqual([
      ["Hòa Bắc", "HOAN_THANH_XUAT_SAC"],
      ["Hòa Phú", "KHONG_HOAN_THANH"],
    ]);
  });
});

describe("severity, CSV and report", () => {
  const sentence = `Năm 2025, đồng chí Lê Văn "C" <script>window.__pwned=1</script>, Phó Chủ tịch UBND phường bị kỷ luật khiển trách & cảnh cáo.`;
  const docs = [report("An Hòa", 97, "HOAN_THANH_XUAT_SAC", sentence)];

  it("is information only under a provisional rubric", () => {
    const canTho = loadBundledRubrics().find((r) => r.id === "can-tho-2579-2025");
    if (!canTho) throw new Error("Cần Thơ rubric not bundled");
    const s = buildScores(docs, { rubrics: [{ ...canTho, provisional: true }] });
    expect(s.flags.map((f) => [f.kind, f.severity])).toEqual([["discipline_cap", "info"]]);
  });

  it("names the finding in the CSV", () => {
    const csv = scoresCsv(score(docs));
    expect(csv).toContain("Xếp loại vượt mức trần do kỷ luật: Xếp loại khai");
  });

  it("shows the finding in the report with its label, the quoted sentence escaped", () => {
    const s = score(docs);
    expect(s.flags.map((f) => f.kind)).toEqual(["discipline_cap"]);
    const page = renderReport(s, docs, { now: new Date("2025-12-20T00:00:00Z") });
    expect(page).toContain('<span class="badge kind">Xếp loại vượt mức trần do kỷ luật</span>');
    expect(page).toContain("<strong>Kỷ luật</strong>");
    expect(page).toContain("(hạ bậc do kỷ luật)");
    expect(page).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(page).not.toContain("<script>window.__pwned=1</script>");
    expect(page).toContain('<option value="discipline_cap">Xếp loại vượt mức trần do kỷ luật</option>');
  });
});
