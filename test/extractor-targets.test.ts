import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractTargets, targetsExtractor } from "../extractors/targets.js";
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

const brief = (t: { value: number; unit: string | null; subject: string | null }) => [
  t.value,
  t.unit,
  t.subject,
];

describe("targets", () => {
  it("reads '02 mô hình' in a target section (corpus 001, II.2)", () => {
    const text = [
      "II. MỤC TIÊU, CHỈ TIÊU",
      "2. Mục tiêu cụ thể",
      "Phân đấu đăng ký triển khai và đề nghị cấp có thẩm quyền xem xét công nhận 02 mô hình dân vận chính quyền, gắn với việc thực hiện nhiệm vụ, mục tiêu, chỉ tiêu phát triển kinh tế - xã hội năm 2024",
      "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM",
    ].join("\n");
    const doc = docFromText(text);
    const ts = extractTargets(doc);
    expect(ts.map(brief)).toEqual([[2, "mô hình", "dân vận chính quyền"]]);
    expect(ts[0]?.text).toBe("02 mô hình dân vận chính quyền");
    expect(doc.text.slice(ts[0]?.evidence.start, ts[0]?.evidence.end)).toBe(ts[0]?.text);
  });

  it("reads percentages with their subject, before or after the number (corpus 002 appendix)", () => {
    const text = [
      "TT\tNhiệm vụ\tKết quả\tĐơn vị chủ trì",
      "6\tThực hiện TTHC\t- Trên 95% TTHC đúng và trước hạn; - 100% hồ sơ trễ hạn phải được xin lỗi theo đúng quy định;\tLãnh đạo UBND",
      "7\tTổ chức đối thoại\t- UBND tổ chức ít nhất 2 lần/năm.\tUBND",
    ].join("\n");
    expect(extractTargets(docFromText(text)).map(brief)).toEqual([
      [95, "%", "TTHC đúng và trước hạn"],
      [100, "%", "hồ sơ trễ hạn phải được xin lỗi theo đúng quy định"],
      [2, "lần/năm", "UBND tổ chức"],
    ]);
  });

  it("takes the subject from before the number when nothing follows it", () => {
    const text =
      "Phấn đấu mức độ hài lòng của người dân, doanh nghiệp trong thực hiện TTHC toàn xã đạt mức 90% trở lên.";
    const [t] = extractTargets(docFromText(text));
    expect(t).toMatchObject({ value: 90, unit: "%" });
    expect(t?.subject).toBe("mức độ hài lòng của người dân, doanh nghiệp trong thực hiện TTHC toàn xã");
    expect(t?.text).toBe(`${t?.subject} đạt mức 90% trở lên`);
  });

  it("reads targets after 'ít nhất' in prose (corpus 000, 2.4.2 and 2.10)", () => {
    const text = [
      "2.4.2. Mỗi năm tổ chức ít nhất 01 hoạt động dân vận và các hoạt động giúp dân, như: Những việc làm giúp dân phát triển kinh tế.",
      "- Các cơ quan, đơn vị, địa phương có ít nhất từ 01 mô hình trở lên, được cấp có thẩm quyền công nhận.",
    ].join("\n");
    expect(extractTargets(docFromText(text)).map(brief)).toEqual([
      [1, "hoạt động", "dân vận và các hoạt động giúp dân"],
      [1, "mô hình", "được cấp có thẩm quyền công nhận"],
    ]);
  });

  it("reads unaccented text and an OCR dot", () => {
    const text = unaccent("Phấn đấu 98.5% hồ sơ được giải quyết đúng hạn.");
    expect(extractTargets(docFromText(text)).map(brief)).toEqual([
      [98.5, "%", "ho so duoc giai quyet dung han"],
    ]);
  });

  it("ignores numbers outside target contexts and numbers without a unit", () => {
    const text = [
      "Bị trừ 0,5 điểm; Lý do: Có 10 hồ sơ trễ hẹn.",
      "Trong năm có 01 công chức bị xử lý kỷ luật.",
      "Huyện chấm đạt 89,50 điểm; thị trấn xếp thứ 12/19.",
      "Thực hiện Quyết định số 1211/QĐ-UBND ngày 02/11/2022, Điều 6, khoản 2.",
      "Tổ chức 3 cuộc họp trong tháng 6.",
      "1. Hoàn thành xuất sắc: đạt từ 95 điểm trở lên.",
    ].join("\n");
    expect(extractTargets(docFromText(text))).toEqual([]);
  });

  it("reads points only with a goal word", () => {
    expect(extractTargets(docFromText("Năm 2025, phấn đấu đạt 95 điểm trở lên.")).map(brief)).toEqual([
      [95, "điểm", null],
    ]);
  });

  it("keeps a target written twice once", () => {
    const text = "Phấn đấu 100% TTHC đúng hạn.\nBảo đảm 100% TTHC đúng hạn.";
    expect(extractTargets(docFromText(text))).toHaveLength(1);
  });

  it("yields nothing from the garbled OCR excerpt", () => {
    const text = readFileSync("fixtures/corpus/more/ocr_garbled_excerpt.txt", "utf8").normalize("NFC");
    expect(targetsExtractor.run(docFromText(text)).value).toEqual([]);
  });
});

describe("end to end through the normaliser", () => {
  const normalised = (name: string) =>
    normaliseFile(buildRawText([{ page: 1, text: readFileSync(`fixtures/corpus/${name}`, "utf8") }]))
      .documents;

  it("finds '02 mô hình' in corpus 001 and nothing else", () => {
    const [doc] = normalised("001_588ab9feba8899da.txt");
    expect(extractTargets(doc as NormalisedDocument).map(brief)).toEqual([
      [2, "mô hình", "dân vận chính quyền"],
    ]);
  });

  it("finds the percentage targets of the PAPI plan's results column (corpus 002)", () => {
    const [doc] = normalised("002_90d18914c045a6d4.txt");
    const ts = extractTargets(doc as NormalisedDocument);
    expect(ts.map(brief)).toContainEqual([95, "%", "TTHC đúng và trước hạn"]);
    expect(ts.map(brief)).toContainEqual([2, "lần/năm", "UBND tổ chức"]);
    expect(ts.every((t) => t.unit === "%" || t.unit === "lần/năm")).toBe(true);
    for (const t of ts) expect(doc?.text.slice(t.evidence.start, t.evidence.end)).toBe(t.text);
  });

  it("finds no targets in the reports and plans without numeric goals (corpus 003, 004)", () => {
    for (const name of ["003_6cafff568a66f664.txt", "004_bde61b360d837a63.txt"]) {
      for (const doc of normalised(name)) expect(extractTargets(doc)).toEqual([]);
    }
  });
});
