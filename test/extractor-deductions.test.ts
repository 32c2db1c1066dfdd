import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deductionsExtractor, extractDeductions, splitRoles } from "../extractors/deductions.js";
import { docFromText } from "../extractors/test-doc.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";

const unaccent = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

/** Corpus 000 with its markdown emphasis removed by hand (what the normaliser does). */
const baTo = () =>
  readFileSync("fixtures/corpus/000_e4db89253d0a1edd.txt", "utf8").normalize("NFC").replace(/\*+/g, "");

describe("deductions in the Ba Tơ plan (corpus 000, II.2.2)", () => {
  const doc = docFromText(baTo());
  const ds = extractDeductions(doc);

  it("finds the six deductions (1)–(6) with criterion, content and points; they sum to 10,5", () => {
    expect(ds.map((d) => [d.criterion, d.content, d.points])).toEqual([
      [2, 1, 3],
      [2, 2, 2],
      [3, 3, 0.5],
      [5, 2, 1],
      [6, 2, 2],
      [6, 4, 2],
    ]);
    expect(ds.reduce((sum, d) => sum + d.points, 0)).toBe(10.5);
  });

  it("does not count the extra deduction of the declared score ('bị trừ 06 điểm theo … điểm b, Khoản 2, Điều 6')", () => {
    expect(ds.some((d) => d.points === 6)).toBe(false);
  });

  it("reads the reason up to the end of its sentence", () => {
    expect(ds[0]?.reason).toBe(
      "Có công chức, đảng viên xảy ra vi phạm bị xử lý kỷ luật từ hình thức khiển trách trở lên",
    );
    expect(ds[2]?.reason).toBe("Có 10 hồ sơ trễ hẹn");
    expect(ds[5]?.reason).toMatch(
      /^Trong năm có 01 công chức bị xử lý kỷ luật với hình thức: cảnh cáo \(và bị trừ 06 điểm/,
    );
  });

  it("reads the responsible roles and the remedy written below each deduction", () => {
    expect(ds[0]?.responsible).toEqual(["Công chức Văn Phòng – Thống kê", "cán bộ, công chức thị trấn"]);
    expect(ds[1]?.responsible).toEqual(["Công chức Tư pháp – Hộ tịch"]);
    expect(ds[2]?.responsible).toEqual([
      "Công chức Văn phòng – Thống kê",
      "công chức thực hiện nhiệm vụ tại Bộ phận Một cửa",
    ]);
    expect(ds[3]?.responsible).toEqual([
      "Công chức ĐC-XD-ĐT&MT phụ trách tiếp công dân, giải quyết khiếu nại, tố cáo",
    ]);
    expect(ds[1]?.remedy).toMatch(/^Giao công chức Tư pháp – Hộ tịch tham mưu, phối hợp/);
    expect(ds.every((d) => d.remedy?.startsWith("Giao công chức"))).toBe(true);
  });

  it("gives evidence spanning the criterion heading and the deduction, sliced from the text", () => {
    for (const d of ds) {
      expect(doc.text.slice(d.evidence.start, d.evidence.end)).toBe(d.evidence.text);
      expect(d.evidence.text).toMatch(/^Tiêu chí \d, nội dung \d:/);
      expect(d.evidence.text).toMatch(/Bị trừ/);
    }
  });
});

describe("deduction phrasings and noise", () => {
  const header = "(3) Tiêu chí 3, nội dung 3: Hàng năm, tổ chức kiểm tra nội bộ để phát hiện những bất cập.";

  it("reads unaccented text", () => {
    const text = unaccent(`Cong tac dan van.\n${header}\nBị trừ 0,5 điểm; Lý do: Có 10 hồ sơ trễ hẹn`);
    const [d] = extractDeductions(docFromText(text));
    expect(d).toMatchObject({ criterion: 3, content: 3, points: 0.5, reason: "Co 10 ho so tre hen" });
  });

  it("reads an OCR dot for the decimal comma and 'diem' without accents", () => {
    const [d] = extractDeductions(docFromText(`${header}\nBị trừ 3.00 diem; Lý do: chậm báo cáo`));
    expect(d?.points).toBe(3);
  });

  it("reads a deduction split across lines", () => {
    const [d] = extractDeductions(docFromText(`${header}\nBị trừ 0,5\nđiểm; Lý do: Có 10 hồ sơ trễ hẹn`));
    expect(d).toMatchObject({ criterion: 3, content: 3, points: 0.5 });
  });

  it("reads a deduction written on the criterion's line, with its reason after 'do'", () => {
    const [d] = extractDeductions(
      docFromText("Tiêu chí 3, nội dung 3 bị trừ 0,5 điểm do có 10 hồ sơ trễ hẹn. Đơn vị đã khắc phục."),
    );
    expect(d).toMatchObject({ criterion: 3, content: 3, points: 0.5, reason: "có 10 hồ sơ trễ hẹn" });
  });

  it("reads a bare 'trừ X điểm' tied to a criterion, and a content named below the criterion", () => {
    const text =
      "Tiêu chí 9: Tiếp công dân\n- Nội dung 1: trừ 0,5 điểm vì chưa công khai lịch tiếp công dân.";
    expect(extractDeductions(docFromText(text))).toMatchObject([{ criterion: 9, content: 1, points: 0.5 }]);
  });

  it("keeps a 'bị trừ' with no criterion nearby, criterion null", () => {
    const [d] = extractDeductions(
      docFromText("Năm 2024, UBND thị trấn bị trừ 1,5 điểm do chậm gửi báo cáo."),
    );
    expect(d).toMatchObject({ criterion: null, content: null, points: 1.5, reason: "chậm gửi báo cáo" });
  });

  it("ignores rules and conditions, and a bare 'trừ' without a criterion", () => {
    const text = [
      "Tiêu chí 3: Cải cách hành chính",
      "Mỗi hồ sơ trễ hạn trừ 0,25 điểm, tối đa 2 điểm.",
      "Nếu chậm nộp báo cáo thì bị trừ 1 điểm.",
      "Đơn vị để xảy ra khiếu kiện đông người sẽ bị trừ 2 điểm.",
      "",
      "",
      "",
      "Điểm thưởng tối đa 3 điểm; trừ 1 điểm cho mỗi lần chậm.",
    ].join("\n");
    expect(extractDeductions(docFromText(text))).toEqual([]);
  });

  it("ignores the extra deduction of a declared score", () => {
    const text =
      "Tiêu chí 6, nội dung 4: Không có cán bộ vi phạm.\nĐơn vị bị trừ 06 điểm theo quy định tại điểm b, Khoản 2, Điều 6, QĐ 1211/QĐ-UBND.";
    expect(extractDeductions(docFromText(text))).toEqual([]);
  });
});

describe("deduction tables", () => {
  const table = [
    "Bảng tổng hợp các tiêu chí bị trừ điểm năm 2024",
    "TT\tTiêu chí\tNội dung\tĐiểm trừ\tLý do\tTrách nhiệm khắc phục",
    "1\tTiêu chí 2\t1\t3,00\tCó công chức bị kỷ luật\tCông chức Văn phòng – Thống kê",
    "2\t\t2\t2,00\tCó công chức bị cảnh cáo\tCông chức Tư pháp – Hộ tịch",
    "3\t3.3\tHồ sơ trễ hẹn\t0,5\tCó 10 hồ sơ trễ hẹn\tBộ phận Một cửa",
    "4\tTiêu chí 8\t2\t0\t\t",
    "\tTổng cộng\t\t5,5\t\t",
  ].join("\n");
  const doc = docFromText(table);
  const ds = extractDeductions(doc);

  it("reads one deduction per row, in any column order, carrying merged criterion cells down", () => {
    expect(ds.map((d) => [d.criterion, d.content, d.points, d.reason])).toEqual([
      [2, 1, 3, "Có công chức bị kỷ luật"],
      [2, 2, 2, "Có công chức bị cảnh cáo"],
      [3, 3, 0.5, "Có 10 hồ sơ trễ hẹn"],
    ]);
    expect(ds[1]?.responsible).toEqual(["Công chức Tư pháp – Hộ tịch"]);
    for (const d of ds) expect(doc.text.slice(d.evidence.start, d.evidence.end)).toBe(d.evidence.text);
  });

  it("reads reordered columns with other wording", () => {
    const other = [
      "Nội dung bị trừ\tSố điểm bị trừ\tNguyên nhân\tTiêu chí",
      "Nội dung 4\t2\tCó công chức bị kỷ luật\t6",
    ].join("\n");
    expect(extractDeductions(docFromText(other))).toMatchObject([
      { criterion: 6, content: 4, points: 2, reason: "Có công chức bị kỷ luật" },
    ]);
  });

  it("does not read a results table (one row per unit) as deductions", () => {
    const results = "TT\tĐơn vị\tĐiểm tự chấm\tĐiểm trừ\tTổng điểm\n1\txã Nghĩa Kỳ\t97,50\t2,00\t95,50";
    expect(extractDeductions(docFromText(results))).toEqual([]);
  });
});

describe("splitRoles", () => {
  it("splits at ';' always and at ',' / 'và' only where a role begins", () => {
    expect(splitRoles("Công chức Văn phòng – Thống kê, cán bộ, công chức UBND thị trấn.")).toEqual([
      "Công chức Văn phòng – Thống kê",
      "cán bộ, công chức UBND thị trấn",
    ]);
    expect(splitRoles("Công chức Tư pháp – Hộ tịch; Khối vận thị trấn")).toEqual([
      "Công chức Tư pháp – Hộ tịch",
      "Khối vận thị trấn",
    ]);
    expect(
      splitRoles("Công chức ĐC-XD-ĐT&MT phụ trách tiếp công dân, giải quyết khiếu nại, tố cáo"),
    ).toHaveLength(1);
  });
});

describe("garbage", () => {
  it("yields no deduction from the garbled OCR excerpt", () => {
    const text = readFileSync("fixtures/corpus/more/ocr_garbled_excerpt.txt", "utf8").normalize("NFC");
    expect(deductionsExtractor.run(docFromText(text)).value).toEqual([]);
  });
});

describe("end to end through the normaliser (corpus 000)", () => {
  it("finds the six deductions summing to 10,5 in the normalised Ba Tơ plan", () => {
    const raw = readFileSync("fixtures/corpus/000_e4db89253d0a1edd.txt", "utf8");
    const { documents } = normaliseFile(buildRawText([{ page: 1, text: raw }]));
    expect(documents).toHaveLength(1);
    const doc = documents[0] as NormalisedDocument;
    const ds = extractDeductions(doc);
    expect(ds.map((d) => `${d.criterion}.${d.content}=${d.points}`)).toEqual([
      "2.1=3",
      "2.2=2",
      "3.3=0.5",
      "5.2=1",
      "6.2=2",
      "6.4=2",
    ]);
    expect(ds.reduce((sum, d) => sum + d.points, 0)).toBe(10.5);
    expect(100 - ds.reduce((sum, d) => sum + d.points, 0)).toBe(89.5);
    for (const d of ds) {
      expect(doc.text.slice(d.evidence.start, d.evidence.end)).toBe(d.evidence.text);
      expect(d.responsible?.length).toBeGreaterThan(0);
      expect(d.remedy).toBeTruthy();
    }
  });
});

describe("other provinces' phrasings", () => {
  const read = (lines: string[]) =>
    extractDeductions(
      docFromText(["Kế hoạch khắc phục công tác dân vận chính quyền", ...lines].join("\n")),
    ).map((d) => [d.criterion, d.content, d.points, d.reason]);

  it("reads the criterion on the deduction's own line before a heading above, and the reason after it", () => {
    expect(
      read([
        "1. Tiêu chí 3 (Cải cách hành chính) bị trừ 1,5 điểm, lý do: còn 12 hồ sơ trễ hạn.",
        "2. Tiêu chí 5 bị trừ 2,0 điểm, lý do: để xảy ra khiếu nại đông người.",
        "3. Bị trừ 0,5 điểm do chậm gửi báo cáo định kỳ 6 tháng (Tiêu chí 10).",
        "4. Trừ 1 điểm (Tiêu chí 4): chưa xây dựng được mô hình “Dân vận khéo”.",
        "5. Nội dung 2 của Tiêu chí 7: bị trừ 0,25 điểm vì chưa tổ chức đối thoại.",
        "6. Bị trừ 1,5 điểm ở Tiêu chí 8 (Dân chủ cơ sở) do chưa công khai ngân sách.",
      ]),
    ).toEqual([
      [3, null, 1.5, "còn 12 hồ sơ trễ hạn"],
      [5, null, 2, "để xảy ra khiếu nại đông người"],
      [10, null, 0.5, "chậm gửi báo cáo định kỳ 6 tháng"],
      [4, null, 1, "chưa xây dựng được mô hình “Dân vận khéo”"],
      [7, 2, 0.25, "chưa tổ chức đối thoại"],
      [8, null, 1.5, "chưa công khai ngân sách"],
    ]);
  });

  it("does not attach a deduction to a heading that an earlier deduction already used", () => {
    expect(
      read([
        "Tiêu chí 2: Thực hiện nhiệm vụ chính trị",
        "Bị trừ 1 điểm; Lý do: chậm tiến độ.",
        "Bị trừ 0,5 điểm.",
      ]),
    ).toEqual([
      [2, null, 1, "chậm tiến độ"],
      [null, null, 0.5, null],
    ]);
  });

  it("skips totals and reads a bracket after the deduction as its reason", () => {
    expect(
      read([
        "Năm 2023, phường bị trừ 2,25 điểm ở các tiêu chí: Tiêu chí 3 bị trừ 1,25 điểm (có 05 hồ sơ trễ hạn); Tiêu chí 6 bị trừ 1 điểm (có 01 công chức bị nhắc nhở).",
        "Tổng cộng bị trừ 2,25 điểm.",
      ]),
    ).toEqual([
      [3, null, 1.25, "có 05 hồ sơ trễ hạn"],
      [6, null, 1, "có 01 công chức bị nhắc nhở"],
    ]);
  });

  it("ends a reason before the next deduction written on the same line", () => {
    expect(
      read([
        "2. Những tiêu chí bị trừ điểm: tiêu chí 3 (cải cách hành chính) bị trừ 2,5 điểm do còn 12 hồ sơ quá hạn; tiêu chí 9 bị trừ 5 điểm do chưa tổ chức đối thoại.",
      ]),
    ).toEqual([
      [3, null, 2.5, "còn 12 hồ sơ quá hạn"],
      [9, null, 5, "chưa tổ chức đối thoại"],
    ]);
  });

  it("reads OCR's 'l' for '1' in points and criterion numbers", () => {
    expect(
      read([
        "Tieu chi l0 bi tru l.5 diem, ly do: cham bao cao.",
        "Tru l diem (Tieu chi 4): chua co mo hinh.",
      ]),
    ).toEqual([
      [10, null, 1.5, "cham bao cao"],
      [4, null, 1, "chua co mo hinh"],
    ]);
  });

  it("reads a criterion column written '3.2' under a header that also says 'bị trừ điểm'", () => {
    const rows = read([
      "STT\tTiêu chí/nội dung bị trừ điểm\tSố điểm bị trừ\tNguyên nhân\tGiải pháp khắc phục\tNgười thực hiện",
      "1\t3.2\t1,5\tTỷ lệ hồ sơ trực tuyến thấp\tTuyên truyền\tCông chức Văn phòng - Thống kê",
      "2\t5.1\t2\tCòn đơn thư tồn đọng\tGiải quyết dứt điểm\tCông chức Tư pháp - Hộ tịch",
    ]);
    expect(rows).toEqual([
      [3, 2, 1.5, "Tỷ lệ hồ sơ trực tuyến thấp"],
      [5, 1, 2, "Còn đơn thư tồn đọng"],
    ]);
  });

  it("reads a deduction row that lost its tabs, and does not carry a criterion past an unreadable one", () => {
    const header = "TT\tTiêu chí\tNội dung\tĐiểm chuẩn\tĐiểm trừ\tNguyên nhân";
    const first = "1\tTiêu chí 2\tNội dung 3\t2\t0,5\tChậm kê khai";
    const merged = "\t\tNội dung 4: Giải quyết hồ sơ\t4\t1,5\tHồ sơ trễ hạn";
    expect(read([header, first, "2 Tiêu chí 3 Nội dung 1: Công khai 3 l Niêm yết chưa đủ", merged])).toEqual([
      [2, 3, 0.5, "Chậm kê khai"],
      [3, 1, 1, "Niêm yết chưa đủ"],
      [3, 4, 1.5, "Hồ sơ trễ hạn"],
    ]);
    // A loose row that fits no reading (two numbers missing): the merged cell below has no criterion.
    expect(read([header, first, "2 Tiêu chí 3 Nội dung 1: Công khai", merged])).toEqual([
      [2, 3, 0.5, "Chậm kê khai"],
      [null, 4, 1.5, "Hồ sơ trễ hạn"],
    ]);
  });

  it("does not read a results table whose columns hold one criterion's points as deductions", () => {
    expect(
      read([
        "STT\tĐơn vị được đánh giá\tTiêu chí 1 (10 điểm)\tTiêu chí 2 (90 điểm)\tĐiểm trừ\tTổng điểm\tXếp loại",
        "1\tXã Phong Điền\t10\t86,5\t0\t97,5\tHoàn thành xuất sắc nhiệm vụ",
        "2\tPhường Cái Khế\t10\t78\t3\t85\tHoàn thành tốt nhiệm vụ",
      ]),
    ).toEqual([]);
  });
});
