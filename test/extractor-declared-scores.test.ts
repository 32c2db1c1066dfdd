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
        unit: "xa Nghia Ky",
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

describe("other provinces' results", () => {
  const read = (lines: string[]) =>
    extractDeclaredScores(docFromText(lines.join("\n"))).map((d) => [
      d.unit,
      d.year,
      d.selfAssessed,
      d.assessed,
      d.final,
      d.rank,
      d.rankOf,
      d.classification,
    ]);

  it("reads a unit named as the subject of its line ('Thị trấn X đạt 96,5 điểm, …'), names checked for capitals", () => {
    expect(
      read([
        "Điều 1. Phê duyệt kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2023 như sau:",
        "1. Thị trấn Krông Kmar đạt 96,5 điểm, xếp loại Hoàn thành xuất sắc nhiệm vụ, xếp thứ 1/9.",
        "2. Phường 3 đạt 95,25 điểm, xếp loại Hoàn thành xuất sắc nhiệm vụ, xếp thứ 2/9.",
        "3. Xã Hòa Lễ: tự chấm 94 điểm, Hội đồng thẩm định 90,75 điểm, xếp thứ 4/9.",
        "Các xã đạt chuẩn nông thôn mới đạt 100% kế hoạch.",
      ]),
    ).toEqual([
      ["thị trấn Krông Kmar", 2023, null, null, 96.5, 1, 9, "HOAN_THANH_XUAT_SAC"],
      ["phường 3", 2023, null, null, 95.25, 2, 9, "HOAN_THANH_XUAT_SAC"],
      ["xã Hòa Lễ", 2023, 94, 90.75, null, 4, 9, null],
    ]);
  });

  it("reads units listed under their class, several to a line", () => {
    expect(
      read([
        "Phê duyệt kết quả đánh giá, xếp loại công tác dân vận chính quyền năm 2024:",
        "1. Hoàn thành xuất sắc nhiệm vụ (02 đơn vị): xã Hòa Phong (97,25 điểm), xã Hòa Khương (96,5 điểm, xếp thứ 2).",
        "2. Không hoàn thành nhiệm vụ (01 đơn vị): xã Hòa Phú (70,5 điểm, do có cán bộ bị kỷ luật).",
      ]),
    ).toEqual([
      ["xã Hòa Phong", 2024, null, null, 97.25, null, null, "HOAN_THANH_XUAT_SAC"],
      ["xã Hòa Khương", 2024, null, null, 96.5, 2, null, "HOAN_THANH_XUAT_SAC"],
      ["xã Hòa Phú", 2024, null, null, 70.5, null, null, "KHONG_HOAN_THANH"],
    ]);
  });

  it("reads '91/100 điểm', a year inside the statement, and a class in brackets after a score", () => {
    expect(
      read([
        "Kết quả tự đánh giá năm 2023 của phường đạt 96,5/100 điểm; kết quả thẩm định đạt 93/100 điểm.",
        "- Phường Trần Phú: 95,5 điểm (Hoàn thành xuất sắc nhiệm vụ);",
      ]),
    ).toEqual([
      [null, 2023, 96.5, 93, null, null, null, null],
      ["phường Trần Phú", 2023, null, null, 95.5, null, null, "HOAN_THANH_XUAT_SAC"],
    ]);
  });

  it("does not take another index's score (PAPI, SIPAS) or a four-decimal index for a declared score", () => {
    expect(
      read([
        "Chỉ số PAPI năm 2023 của tỉnh đạt 43,1254 điểm, xếp thứ 25/63 tỉnh, thành phố.",
        "Năm 2023, tổng điểm của tỉnh là 46,0415 điểm.",
      ]),
    ).toEqual([]);
  });

  it("dates a report's own score by its title, not by a plan's aim or a passing mention", () => {
    const filler = [
      "Thực hiện chỉ đạo của cấp trên.",
      "Ủy ban nhân dân đã triển khai.",
      "Cụ thể như sau:",
      "Bảng dưới đây.",
    ];
    const report = [
      "Kết quả tự chấm điểm công tác dân vận chính quyền năm 2024",
      ...filler,
      "Tổng điểm tự chấm: 97,25 điểm.",
    ];
    expect(read(report)).toEqual([[null, 2024, 97.25, null, null, null, null, null]]);
    for (const title of [
      "Kế hoạch nâng cao kết quả công tác dân vận chính quyền năm 2025",
      "Điều 1. Phê duyệt kết quả đánh giá công tác dân vận chính quyền năm 2023 như sau:",
    ]) {
      expect(read([title, ...filler, "Tổng điểm tự chấm: 97,25 điểm."])).toEqual([
        [null, null, 97.25, null, null, null, null, null],
      ]);
    }
  });

  it("reads a unit's own results by year from a table with a 'Năm' column (unit null)", () => {
    expect(
      read([
        "Năm\tĐiểm tự chấm\tĐiểm thẩm định\tXếp loại\tXếp hạng",
        "2021\t94,50\t91,00\tHoàn thành tốt nhiệm vụ\t6/9",
        "2022\t95,00\t92,00\tTốt\t4/9",
      ]),
    ).toEqual([
      [null, 2021, 94.5, 91, null, 6, 9, "HOAN_THANH_TOT"],
      [null, 2022, 95, 92, null, 4, 9, "HOAN_THANH_TOT"],
    ]);
  });

  it("reads a results row that lost its tabs, and OCR's 'l' in number cells", () => {
    expect(
      read([
        "KẾT QUẢ ĐÁNH GIÁ NĂM 2023",
        "STT\tĐơn vị được đánh giá\tĐiểm tự đánh giá\tĐiểm sau khi trừ\tXếp loại\tThứ hạng",
        "1\tXa Nhon Hau\t97.00\t95.25\tHTXSNV\tl",
        "2 UBND phuong Nhon Hung 94.00 9l.25 HTTNV 2",
        "3\tXã Nhơn Tân\t88,00\t77,50\tHTNV\t3",
      ]),
    ).toEqual([
      ["xa Nhon Hau", 2023, 97, null, 95.25, 1, null, "HOAN_THANH_XUAT_SAC"],
      ["phuong Nhon Hung", 2023, 94, null, 91.25, 2, null, "HOAN_THANH_TOT"],
      ["xã Nhơn Tân", 2023, 88, null, 77.5, 3, null, "HOAN_THANH"],
    ]);
  });

  it("reads unit-column wordings and 'sau khi trừ' as the final score", () => {
    expect(columnRole(fold("Đơn vị được đánh giá"))).toBe("unit");
    expect(columnRole(fold("Tên cơ quan, đơn vị"))).toBe("unit");
    expect(columnRole(fold("Điểm đơn vị tự chấm"))).toBe("self");
    expect(columnRole(fold("Điểm còn lại sau khi trừ"))).toBe("final");
    expect(columnRole(fold("Năm"))).toBe("year");
  });
});

describe("the year of a results table whose capitals heading wraps its year onto the next line", () => {
  it("reads the year from the heading's second line (as OCR gives a printed title)", () => {
    const doc = docFromText(
      [
        "KẾT QUẢ ĐÁNH GIÁ, PHÂN LOẠI CÔNG TÁC DÂN VẬN CHÍNH QUYỀN",
        "NĂM 2023 CỦA UBND CÁC XÃ, THỊ TRẤN",
        "TT\tĐơn vị\tĐiểm tự chấm\tĐiểm thẩm định\tTổng điểm\tXếp loại\tXếp hạng",
        "1\tUBND xã Nghĩa Kỳ\t99,00\t97,50\t97,50\tHoàn thành xuất sắc nhiệm vụ\t1",
        "2\tUBND xã Nghĩa Lâm\t98,50\t96,25\t96,25\tHoàn thành xuất sắc nhiệm vụ\t2",
      ].join("\n"),
    );
    const scores = extractDeclaredScores(doc);
    expect(scores).toHaveLength(2);
    expect(scores.map((s) => s.year)).toEqual([2023, 2023]);
  });
});
