import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { declaredScoresExtractor, extractDeclaredScores } from "../extractors/declared-scores.js";
import { columnRole } from "../extractors/declared-scores-table.js";
import { classifyFolded, unitName } from "../extractors/score-text.js";
import { docFromText } from "../extractors/test-doc.js";
import { fold } from "../pipeline/text/fold.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import type { DeclaredScore } from "../schemas/index.js";

const unaccent = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

const withoutEvidence = ({ evidence: _e, ...rest }: DeclaredScore) => rest;

// Corpus 000 (Ba Tơ), II.2 and II.2.1, markdown residue removed.
const BA_TO_RESULT = [
  "2. Đánh giá, phân tích điểm thi đua năm 2024 của UBND thị trấn",
  "2.1. Kết quả",
  "Năm 2024, điểm công tác dân vận của thị trấn xếp thứ 12/19 xã, thị trấn, đạt tổng số 83,50 điểm (điểm thị trấn tự chấm 97,50 điểm, huyện chấm đạt 89,50 điểm và bị trừ 06 điểm theo quy định tại điểm b, Khoản 2, Điều 6, QĐ 1211/QĐ-UBND ngày 02/11/2022 do có đảng viên và công chức bị xử lý kỷ luật với hình thức khiển trách và cảnh cáo); Xếp loại: Hoàn thành tốt.",
  "2.2. Các chỉ tiêu, tiêu chí thành phần bị trừ điểm",
].join("\n");

const BA_TO_EXPECTED = {
  unit: null,
  year: 2024,
  selfAssessed: 97.5,
  assessed: 89.5,
  extraDeduction: 6,
  extraDeductionBasis: "điểm b, Khoản 2, Điều 6, QĐ 1211/QĐ-UBND ngày 02/11/2022",
  bonus: null,
  final: 83.5,
  rank: 12,
  rankOf: 19,
  classification: "HOAN_THANH_TOT",
};

describe("declared scores in prose", () => {
  it("reads the Ba Tơ statement about its own unit (corpus 000, II.2.1)", () => {
    const doc = docFromText(BA_TO_RESULT);
    const ds = extractDeclaredScores(doc);
    expect(ds.map(withoutEvidence)).toEqual([BA_TO_EXPECTED]);
    const ev = ds[0]?.evidence;
    expect(ev?.text.startsWith("Năm 2024, điểm công tác dân vận")).toBe(true);
    expect(ev && doc.text.slice(ev.start, ev.end)).toBe(ev?.text);
  });

  it("reads it unaccented, with OCR dots for commas", () => {
    const noisy = unaccent(BA_TO_RESULT).replace(/(\d),(\d\d)/g, "$1.$2");
    const [d] = extractDeclaredScores(docFromText(noisy));
    expect(d).toMatchObject({
      year: 2024,
      selfAssessed: 97.5,
      assessed: 89.5,
      extraDeduction: 6,
      final: 83.5,
    });
    expect(d).toMatchObject({ rank: 12, rankOf: 19, classification: "HOAN_THANH_TOT" });
  });

  it("reads a statement hard-wrapped over several lines", () => {
    const wrapped = BA_TO_RESULT.replace("đạt tổng số 83,50", "đạt tổng số\n83,50").replace(
      "huyện chấm đạt",
      "huyện\nchấm đạt",
    );
    expect(extractDeclaredScores(docFromText(wrapped)).map(withoutEvidence)).toEqual([BA_TO_EXPECTED]);
  });

  it("merges a statement written one field per line, and takes the year from the heading above", () => {
    const text = [
      "1. Kết quả chấm điểm công tác dân vận chính quyền năm 2023",
      "- Điểm tự đánh giá: 96,5 điểm.",
      "- Phòng Nội vụ thẩm định: 92,25 điểm.",
      "- Xếp hạng 5/20; xếp loại: Hoàn thành xuất sắc nhiệm vụ.",
      "2. Nhiệm vụ năm 2024",
      "Tổ chức tốt các hoạt động.",
    ].join("\n");
    expect(extractDeclaredScores(docFromText(text)).map(withoutEvidence)).toEqual([
      {
        unit: null,
        year: 2023,
        selfAssessed: 96.5,
        assessed: 92.25,
        extraDeduction: null,
        extraDeductionBasis: null,
        bonus: null,
        final: null,
        rank: 5,
        rankOf: 20,
        classification: "HOAN_THANH_XUAT_SAC",
      },
    ]);
  });

  it("reads 'tổng điểm', 'tự chấm', 'điểm thưởng' and a bare 'xếp loại tốt'", () => {
    const text =
      "Năm 2022, đơn vị tự chấm 90 diem, điểm thưởng 2 điểm, tổng điểm đạt 92,0 điểm, xếp loại: Tốt.";
    expect(extractDeclaredScores(docFromText(text))).toMatchObject([
      { year: 2022, selfAssessed: 90, bonus: 2, final: 92, classification: "HOAN_THANH_TOT" },
    ]);
  });

  it("reads lines labelled with a unit, as a results decision may list them in prose", () => {
    const text = [
      "Điều 1. Phê duyệt kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2023 như sau:",
      "Trong đó có 03 đơn vị xếp loại Hoàn thành xuất sắc nhiệm vụ.",
      "1. UBND Xã Nghĩa Kỳ: tự chấm 97,5 điểm; thẩm định 95,5 điểm; xếp loại Hoàn thành xuất sắc nhiệm vụ.",
      "2. Thị trấn La Hà: 96,50 điểm, xếp thứ 1/10, xếp loại Hoàn thành xuất sắc nhiệm vụ.",
      "3. Xã Nghĩa Mỹ: tự chấm 90 điểm.",
      "Tổng điểm thẩm định 84,5 điểm.",
    ].join("\n");
    expect(
      extractDeclaredScores(docFromText(text)).map((d) => [
        d.unit,
        d.year,
        d.selfAssessed,
        d.assessed,
        d.final,
        d.rank,
      ]),
    ).toEqual([
      ["xã Nghĩa Kỳ", 2023, 97.5, 95.5, null, null],
      ["thị trấn La Hà", 2023, null, null, 96.5, 1],
      ["xã Nghĩa Mỹ", 2023, 90, null, null, null],
      [null, null, null, 84.5, null, null],
    ]);
  });

  it("ignores goals, rules and scores without numbers", () => {
    const text = [
      "Năm 2025, phấn đấu đạt 95 điểm trở lên, xếp loại hoàn thành xuất sắc nhiệm vụ.",
      "Năm 2025, phấn đấu cải thiện mức xếp hạng chỉ số của UBND thị trấn được xếp hạng mức hoàn thành xuất sắc nhiệm vụ.",
      "1. Hoàn thành xuất sắc: Là những cơ quan, đơn vị, địa phương đạt từ 95 điểm trở lên.",
      "a) Bị xử lý kỷ luật hình thức “Khiển trách” thì xếp loại cao nhất là hoàn thành tốt.",
      "- Tổ chức Công đoàn cơ sở và Đoàn thanh niên cơ sở được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên.",
      "UBND thị trấn tự chấm điểm năm 2024 gửi về Phòng Nội vụ tổng hợp kịp thời.",
    ].join("\n");
    expect(extractDeclaredScores(docFromText(text))).toEqual([]);
  });
});

const FIXTURE = readFileSync("fixtures/results-decision/qd-ket-qua.txt", "utf8");
const EXPECTED = JSON.parse(readFileSync("fixtures/results-decision/expected.json", "utf8")) as {
  declaredScores: Omit<DeclaredScore, "evidence">[];
};

describe("declared scores in a results decision (fixtures/results-decision)", () => {
  const doc = docFromText(FIXTURE);
  const ds = extractDeclaredScores(doc);

  it("reads one entry per unit, as the hand-made expected values say", () => {
    expect(ds.map(withoutEvidence)).toEqual(EXPECTED.declaredScores);
  });

  it("reads the deliberate inconsistencies faithfully (no correction)", () => {
    const son = ds.find((d) => d.unit === "xã Nghĩa Sơn");
    expect(son).toMatchObject({ assessed: 95, extraDeduction: 2, final: 94 });
    const my = ds.find((d) => d.unit === "xã Nghĩa Mỹ");
    expect(my).toMatchObject({ final: 78.5, classification: "HOAN_THANH_TOT" });
  });

  it("gives each row as evidence", () => {
    for (const d of ds) {
      expect(doc.text.slice(d.evidence.start, d.evidence.end)).toBe(d.evidence.text);
      expect(d.evidence.text).toContain(d.unit?.split(" ").at(-1) ?? "?");
    }
  });

  it("reads columns in another order and wording, an OCR dot, unaccented cells and a two-row header", () => {
    const variant = [
      "QUYẾT ĐỊNH Phê duyệt kết quả chấm điểm, xếp loại công tác dân vận năm 2024",
      "STT\tTên đơn vị\tXếp hạng\tKết quả xếp loại\tĐiểm",
      "\t\t\t\tTổng số điểm\tĐiểm đơn vị tự đánh giá\tĐiểm Hội đồng thẩm định\tSố điểm bị trừ",
      "I\tKhối xã, thị trấn\t\t\t\t\t\t",
      "1\tUBND Xa Nghia Ky\t2\tHTXSNV\t95.5\t97,50\t95,50\t-",
      "2\tPhường Trương Quang Trọng\tThứ 1\tHoàn thành xuất sắc\t96,25\t98\t96,25\t0",
      "3\tXã Tịnh Ấn Tây\t3/3\tKhong hoan thanh nhiem vu\t70\t85\t76\t6",
      "\tCộng\t\t\t261,75\t\t\t",
    ].join("\n");
    const got = extractDeclaredScores(docFromText(variant)).map(withoutEvidence);
    expect(got).toEqual([
      {
        unit: "Xa Nghia Ky",
        year: 2024,
        selfAssessed: 97.5,
        assessed: 95.5,
        extraDeduction: 0,
        bonus: null,
        final: 95.5,
        rank: 2,
        rankOf: null,
        classification: "HOAN_THANH_XUAT_SAC",
      },
      {
        unit: "phường Trương Quang Trọng",
        year: 2024,
        selfAssessed: 98,
        assessed: 96.25,
        extraDeduction: 0,
        bonus: null,
        final: 96.25,
        rank: 1,
        rankOf: null,
        classification: "HOAN_THANH_XUAT_SAC",
      },
      {
        unit: "xã Tịnh Ấn Tây",
        year: 2024,
        selfAssessed: 85,
        assessed: 76,
        extraDeduction: 6,
        bonus: null,
        final: 70,
        rank: 3,
        rankOf: 3,
        classification: "KHONG_HOAN_THANH",
      },
    ]);
  });
});

describe("helpers", () => {
  it("tells header cells apart by keywords, longest meaning first", () => {
    const roles = [
      "Đơn vị",
      "Điểm đơn vị tự chấm",
      "Điểm thẩm định",
      "Tổng điểm sau thẩm định",
      "Điểm trừ",
      "Xếp loại",
      "Kết quả xếp loại",
      "Xếp hạng",
      "TT",
    ].map((c) => columnRole(fold(c)));
    expect(roles).toEqual(["unit", "self", "assessed", "final", "deduction", "class", "class", "rank", null]);
  });

  it("writes unit names in one form", () => {
    expect(unitName("UBND xã Nghĩa Lâm")).toBe("xã Nghĩa Lâm");
    expect(unitName("Ủy ban nhân dân Thị trấn  La Hà")).toBe("thị trấn La Hà");
    expect(unitName("Nghĩa Kỳ")).toBe("Nghĩa Kỳ");
    expect(unitName("Phòng Tài chính - Kế hoạch")).toBe("Phòng Tài chính - Kế hoạch");
  });

  it("classifies class wordings, longest first, short forms only where a class is expected", () => {
    const cls = (s: string, short = false) =>
      classifyFolded(fold(s), 0, s.length, short)?.classification ?? null;
    expect(cls("Hoàn thành xuất sắc nhiệm vụ")).toBe("HOAN_THANH_XUAT_SAC");
    expect(cls("Hoàn thành tốt nhiệm vụ")).toBe("HOAN_THANH_TOT");
    expect(cls("Hoàn thành nhiệm vụ")).toBe("HOAN_THANH");
    expect(cls("Không hoàn thành nhiệm vụ")).toBe("KHONG_HOAN_THANH");
    expect(cls("hoanthanh tot")).toBe("HOAN_THANH_TOT");
    expect(cls("HTXSNV", true)).toBe("HOAN_THANH_XUAT_SAC");
    expect(cls("Tốt", true)).toBe("HOAN_THANH_TOT");
    expect(cls("Tốt")).toBeNull();
    expect(cls("Tổ chức tốt các hoạt động")).toBeNull();
  });
});

describe("garbage", () => {
  it("yields no declared score from the garbled OCR excerpt", () => {
    const text = readFileSync("fixtures/corpus/more/ocr_garbled_excerpt.txt", "utf8").normalize("NFC");
    expect(declaredScoresExtractor.run(docFromText(text)).value).toEqual([]);
  });
});

describe("end to end through the normaliser", () => {
  const normalised = (path: string) => {
    const { documents } = normaliseFile(buildRawText([{ page: 1, text: readFileSync(path, "utf8") }]));
    expect(documents).toHaveLength(1);
    return documents[0] as NormalisedDocument;
  };

  it("reads the Ba Tơ declared score from the normalised corpus 000", () => {
    const ds = extractDeclaredScores(normalised("fixtures/corpus/000_e4db89253d0a1edd.txt"));
    expect(ds.map(withoutEvidence)).toEqual([BA_TO_EXPECTED]);
  });

  it("reads the results decision fixture after normalisation", () => {
    const ds = extractDeclaredScores(normalised("fixtures/results-decision/qd-ket-qua.txt"));
    expect(ds.map(withoutEvidence)).toEqual(EXPECTED.declaredScores);
  });

  it("finds no declared score in plans that state none (corpus 001–004)", () => {
    for (const f of [
      "001_588ab9feba8899da",
      "002_90d18914c045a6d4",
      "003_6cafff568a66f664",
      "004_bde61b360d837a63",
    ]) {
      const { documents } = normaliseFile(
        buildRawText([{ page: 1, text: readFileSync(`fixtures/corpus/${f}.txt`, "utf8") }]),
      );
      for (const doc of documents) expect(extractDeclaredScores(doc)).toEqual([]);
    }
  });
});
