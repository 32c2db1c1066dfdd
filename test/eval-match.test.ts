import { describe, expect, it } from "vitest";
import { score } from "../pipeline/eval/counts.js";
import { goldForExcerpt, keepQuoted } from "../pipeline/eval/excerpt.js";
import type { GoldDocument } from "../pipeline/eval/gold-schema.js";
import { matchDeadlines } from "../pipeline/eval/match-deadlines.js";
import { alignDocuments, scoreDocument, scoreFile } from "../pipeline/eval/match-document.js";
import { matchDeclaredScores, matchReferences } from "../pipeline/eval/match-facts.js";
import { matchMetadata, matchRecipients, sameTitle } from "../pipeline/eval/match-metadata.js";
import { matchTaskLeads, sameTask } from "../pipeline/eval/match-tasks.js";
import { type OutputDoc, readOutputDoc } from "../pipeline/eval/output-doc.js";
import { quoteKey } from "../pipeline/eval/text-keys.js";
import type { FactKind } from "../pipeline/eval/types.js";

const VPTK = "Công chức Văn phòng – Thống kê";

/** A small hand-made gold document (snippets of the Ba Tơ and Như Quỳnh plans). */
function gold(): GoldDocument {
  return {
    kind: "KE_HOACH",
    number: null,
    issuedOn: null,
    place: "Ba Tơ",
    issuer: "UBND thị trấn Ba Tơ",
    unit: { name: "Ba Tơ", level: "thi_tran" },
    title: "Khắc phục, cải thiện và nâng cao chỉ số dân vận chính quyền năm 2025",
    year: 2025,
    signer: { name: "Nguyễn Thị Mỹ Lệ", position: "CHỦ TỊCH", capacity: "TM" },
    recipients: ["UBND huyện", "Phòng Nội vụ"],
    quotes: { number: "Số: /KH-UBND", title: "Khắc phục, cải thiện", signer: "Nguyễn Thị Mỹ Lệ" },
    references: [
      {
        kind: "QUYET_DINH",
        number: "1211/QĐ-UBND",
        issuedOn: "2022-11-02",
        quote: "1211/QĐ-UBND ngày 02/11/2022",
      },
      { kind: "KET_LUAN", number: "114-KL/TW", issuedOn: "2015-07-14", quote: "114-KL/TW" },
    ],
    criteria: [{ framework: "DVCQ", number: 2, title: "Thực hiện nhiệm vụ chính trị", quote: "Tiêu chí 2:" }],
    deductions: [
      { criterion: 2, content: 1, points: 3, reason: null, quote: "Bị trừ 3,00 điểm" },
      { criterion: 3, content: 3, points: 0.5, reason: null, quote: "Bị trừ 0,5 điểm" },
    ],
    declaredScores: [
      {
        unit: null,
        year: 2024,
        selfAssessed: 97.5,
        assessed: 89.5,
        extraDeduction: 6,
        final: 83.5,
        rank: 12,
        rankOf: 19,
        classification: "HOAN_THANH_TOT",
        quote: "xếp thứ 12/19",
      },
    ],
    tasks: [
      {
        text: "Tổ chức quán triệt Kết luận số 114-KL/TW. - Xây dựng kế hoạch thực hiện công tác dân vận hàng năm; phân công lãnh đạo phụ trách.",
        lead: [VPTK],
        quote: "Tổ chức quán triệt",
      },
      {
        text: "Thực hiện tốt công tác phòng, chống tham nhũng, lãng phí, thực hành tiết kiệm.",
        lead: ["Công chức Tư pháp – Hộ tịch"],
        quote: "phòng, chống tham nhũng",
      },
    ],
    deadlines: [
      {
        text: "chậm nhất trước ngày 01/11/2025",
        kind: "by_date",
        date: "2025-11-01",
        quote: "chậm nhất trước ngày 01/11/2025",
      },
      {
        text: "chậm nhất trước ngày 01/11/2025",
        kind: "by_date",
        date: "2025-11-01",
        quote: "chậm nhất trước ngày 01/11/2025",
      },
      { text: "Thường xuyên", kind: "continuous", date: null, quote: "Thường xuyên" },
    ],
  };
}

/** The output a perfect pipeline would write for `g` (contract field names, evidence left out). */
function perfect(g: GoldDocument): OutputDoc {
  return readOutputDoc(JSON.parse(JSON.stringify(g)));
}

function f1(doc: GoldDocument, out: OutputDoc | null, kind: FactKind) {
  return score(scoreDocument(doc, out).kinds[kind].counts);
}

describe("matching one document", () => {
  it("gives F1 1 on every kind for a perfect output", () => {
    const g = gold();
    const s = scoreDocument(g, perfect(g));
    for (const [kind, r] of Object.entries(s.kinds)) {
      expect(r.misses, kind).toEqual([]);
      expect(r.falseHits, kind).toEqual([]);
      const sc = score(r.counts);
      if (sc.gold > 0) expect(sc.f1, kind).toBe(1);
    }
  });

  it("drops recall, not precision, when one reference is missing", () => {
    const g = gold();
    const out = perfect(g);
    out.references = out.references.slice(0, 1);
    const s = f1(g, out, "references");
    expect(s.recall).toBe(0.5);
    expect(s.precision).toBe(1);
    expect(s.f1).toBeCloseTo(2 / 3, 6);
  });

  it("counts one wrong deadline date as a miss and a false hit", () => {
    const g = gold();
    const out = perfect(g);
    const first = out.deadlines[0];
    if (first) first.date = "2025-11-10";
    const r = matchDeadlines(g.deadlines, out.deadlines).dated;
    expect(r.counts).toEqual({ gold: 2, found: 1, output: 2, correct: 1 });
    expect(r.misses).toHaveLength(1);
    expect(r.falseHits[0]).toContain("2025-11-10");
  });

  it("reports deadline kinds without scoring them", () => {
    const g = gold();
    const out = perfect(g);
    for (const d of out.deadlines) if (d.date) d.kind = "on_date";
    const r = matchDeadlines(g.deadlines, out.deadlines);
    expect(score(r.dated.counts).f1).toBe(1);
    expect(r.kinds).toEqual({ agree: 0, total: 2 });
  });

  it("pools a reference cited several times and accepts any date it is cited with", () => {
    const g = gold().references;
    const r = matchReferences(
      g,
      [
        { kind: "QUYET_DINH", number: "1211/QĐ-UBND", issuedOn: null },
        { kind: "QUYET_DINH", number: "1211 /QĐ-UBND", issuedOn: "2022-11-02" },
        { kind: "KET_LUAN", number: "114 -KL/TW", issuedOn: "2015-07-14" },
        { kind: "KE_HOACH", number: "08/KH-UBND", issuedOn: null },
      ],
      "08/KH-UBND",
    );
    expect(r.counts).toEqual({ gold: 2, found: 2, output: 2, correct: 2 });
  });

  it("counts a reference with the wrong kind or date as a miss and a false hit", () => {
    const r = matchReferences(gold().references, [
      { kind: "QUYET_DINH", number: "1211/QĐ-UBND", issuedOn: "2022-11-20" },
      { kind: "CHI_THI", number: "114-KL/TW", issuedOn: "2015-07-14" },
      { kind: "NGHI_DINH", number: "04/2015/NĐ-CP", issuedOn: null },
    ]);
    expect(r.counts).toEqual({ gold: 2, found: 0, output: 3, correct: 0 });
    expect(r.falseHits).toHaveLength(3);
  });

  it("scores a blank number: null is right, a half-read symbol is a false hit", () => {
    const g = gold();
    const out = perfect(g);
    expect(matchMetadata(g, out, ["number"]).counts).toEqual({ gold: 1, found: 1, output: 1, correct: 1 });
    out.number = "/KH-UBND";
    const r = matchMetadata(g, out, ["number"]);
    expect(r.counts).toEqual({ gold: 1, found: 0, output: 1, correct: 0 });
    expect(r.falseHits).toHaveLength(1);
  });

  it("compares names and issuers tolerantly, titles with strict numbers", () => {
    const g = gold();
    const out = perfect(g);
    out.issuer = "ỦY BAN NHÂN DÂN THỊ TRẤN BA TƠ";
    out.signer = { name: "NGUYỄN THỊ MỸ LỆ", position: "Chủ tịch", capacity: "TM" };
    out.title = "KẾ HOẠCH Khắc phục, cải thiện và nâng cao chỉ số dân vận chính quyền năm 2025";
    expect(matchMetadata(g, out).misses).toEqual([]);
    expect(sameTitle("Kế hoạch dân vận năm 2025", "Kế hoạch dân vận năm 2024")).toBe(false);
    expect(
      sameTitle(
        "V/v tham mưu triển khai Kế hoạch số 53/KH-UBND",
        "tham mưu triển khai Kế hoạch số 53/KH- UBND",
      ),
    ).toBe(true);
  });

  it("scores an output blank where the gold has a value as a miss only", () => {
    const g = gold();
    const out = perfect(g);
    out.place = null;
    const r = matchMetadata(g, out, ["place"]);
    expect(r.counts).toEqual({ gold: 1, found: 0, output: 0, correct: 0 });
  });

  it("matches recipients whatever the split of one written line", () => {
    const r = matchRecipients(
      ["TT Đảng ủy, TT HĐND thị trấn", "Phòng Nội vụ"],
      ["TT Đảng ủy", "TT HĐND thị trấn (b/c)", "Như trên", "Lưu: VT"],
    );
    expect(r.counts).toEqual({ gold: 2, found: 1, output: 2, correct: 2 });
  });

  it("needs every figure of a declared score", () => {
    const g = gold();
    const out = perfect(g);
    const s = out.declaredScores[0];
    if (s) {
      s.unit = "thị trấn Ba Tơ";
      expect(matchDeclaredScores(g.declaredScores, out.declaredScores, "Ba Tơ").counts.correct).toBe(1);
      s.rank = 13;
    }
    const r = matchDeclaredScores(g.declaredScores, out.declaredScores, "Ba Tơ");
    expect(r.counts).toEqual({ gold: 1, found: 0, output: 1, correct: 0 });
    expect(r.misses[0]).toContain("rank 12≠13");
  });
});

describe("task leads", () => {
  it("finds the same work at another granularity or with numbering", () => {
    const block = gold().tasks[0]?.text ?? "";
    expect(sameTask(block, "- Xây dựng kế hoạch thực hiện công tác dân vận hàng năm")).toBe(true);
    expect(sameTask("2.2.2. Thực hiện tốt công tác phòng, chống tham nhũng, lãng phí", block)).toBe(false);
    expect(
      sameTask(
        "Thực hiện tốt công tác phòng, chống tham nhũng",
        "2.2.2. Thực hiện tốt công tác phòng, chống tham nhũng, lãng phí, thực hành tiết kiệm.",
      ),
    ).toBe(true);
  });

  it("scores a block split into tasks per bullet as fully right", () => {
    const g = gold().tasks;
    const r = matchTaskLeads(g, [
      { text: "Tổ chức quán triệt Kết luận số 114-KL/TW.", lead: ["VP-TK"] },
      {
        text: "Xây dựng kế hoạch thực hiện công tác dân vận hàng năm; phân công lãnh đạo",
        lead: ["Văn phòng - Thống kê"],
      },
      { text: "Thực hiện tốt công tác phòng, chống tham nhũng, lãng phí", lead: ["Tư pháp – Hộ tịch"] },
    ]);
    expect(r.counts).toEqual({ gold: 2, found: 2, output: 3, correct: 3 });
  });

  it("counts a wrong lead as a miss and a false hit, an unknown task as a false hit", () => {
    const g = gold().tasks;
    const r = matchTaskLeads(g, [
      { text: "Tổ chức quán triệt Kết luận số 114-KL/TW.", lead: ["Công chức Tư pháp – Hộ tịch"] },
      { text: "Tổ chức hội nghị tổng kết phong trào thi đua cuối năm", lead: [VPTK] },
    ]);
    expect(r.counts).toEqual({ gold: 2, found: 0, output: 2, correct: 0 });
    expect(r.misses).toHaveLength(2);
    expect(r.falseHits).toHaveLength(2);
  });

  it("treats optional tasks and optional leads as neutral", () => {
    const g = [
      {
        text: "Các sở, ban ngành thường xuyên phối hợp với Ban Dân vận",
        lead: ["Các sở, ban ngành"],
        quote: "x",
        optional: true,
      },
      {
        text: "Giao công chức Văn phòng – Thống kê tham mưu kế hoạch kiểm tra công vụ",
        lead: [VPTK],
        leadOptional: ["Cán bộ, công chức thị trấn"],
        quote: "y",
      },
    ];
    const r = matchTaskLeads(g, [
      {
        text: "Các sở, ban ngành thường xuyên phối hợp với Ban Dân vận Tỉnh ủy",
        lead: ["Các sở, ban ngành"],
      },
      {
        text: "Giao công chức Văn phòng – Thống kê tham mưu kế hoạch kiểm tra công vụ",
        lead: [VPTK, "cán bộ, công chức thị trấn"],
      },
    ]);
    expect(r.counts).toEqual({ gold: 1, found: 1, output: 1, correct: 1 });
  });

  it("accepts one output lead naming a list the gold splits in two", () => {
    const g = [
      {
        text: "Thường xuyên rà soát, kiện toàn đội ngũ cán bộ",
        lead: ["Các Sở, ngành, đơn vị", "UBND cấp xã"],
        quote: "z",
      },
    ];
    const r = matchTaskLeads(g, [
      {
        text: "Thường xuyên rà soát, kiện toàn đội ngũ cán bộ",
        lead: ["Các Sở, ngành, đơn vị, UBND cấp xã"],
      },
    ]);
    expect(r.counts).toEqual({ gold: 2, found: 2, output: 1, correct: 1 });
  });
});

describe("documents and excerpts", () => {
  it("aligns by order when counts agree, else by kind and number", () => {
    const a = { ...gold(), kind: "CONG_VAN" as const, number: "560/UBND" };
    const b = { ...gold(), number: "53/KH-UBND" };
    const out = [perfect(b)];
    expect(alignDocuments([a, b], out)).toEqual([
      [0, null],
      [1, 0],
    ]);
    const scores = scoreFile([a, b], out);
    expect(scores[0]?.kinds.references.counts.found).toBe(0);
    expect(score(scores[1]?.kinds.references.counts ?? { gold: 0, found: 0, output: 0, correct: 0 }).f1).toBe(
      1,
    );
  });

  it("counts every fact of a missing output as missed", () => {
    const [s] = scoreFile([gold()], null);
    expect(s?.kinds.deductions.counts).toEqual({ gold: 2, found: 0, output: 0, correct: 0 });
    expect(s?.kinds.metadata.counts.found).toBe(0);
  });

  it("keeps as many repeated-quote facts as the excerpt shows", () => {
    const facts = gold().deadlines;
    expect(keepQuoted(facts, quoteKey("… (chậm nhất trước ngày 01/11/2025) …"))).toHaveLength(1);
    expect(
      keepQuoted(
        facts,
        quoteKey("Thường xuyên (chậm nhất trước ngày\n01/11/2025); chậm nhất trước ngày 01/11/2025"),
      ),
    ).toHaveLength(3);
  });

  it("cuts a document's gold to what an excerpt quotes, metadata included", () => {
    const [d] = goldForExcerpt(
      [gold()],
      "Số: /KH-UBND\nKhắc phục, cải thiện …\nTiêu chí 2: … Bị trừ 3,00 điểm",
    );
    expect(d?.deductions).toHaveLength(1);
    expect(d?.criteria).toHaveLength(1);
    expect(d?.references).toHaveLength(0);
    expect(d?.recipients).toEqual([]);
    expect(d?.optionalFields).toContain("signer.name");
    expect(d?.optionalFields).not.toContain("number");
    expect(goldForExcerpt([gold()], "nothing quoted here")).toEqual([]);
  });
});
