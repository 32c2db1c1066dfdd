import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DATE_SYMBOL_DIGITS, ocrDigitView } from "../extractors/lib/ocr-digits.js";
import { extractReferences, referencesExtractor } from "../extractors/references.js";
import { docFromText } from "../extractors/test-doc.js";
import { fold } from "../pipeline/text/fold.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import { Reference } from "../schemas/index.js";

/** Each reference is schema-valid and its evidence is the text at its offsets. */
function checked(doc: NormalisedDocument): Reference[] {
  const refs = extractReferences(doc);
  for (const r of refs) {
    expect(Reference.safeParse(r).success).toBe(true);
    expect(r.evidence.text).toBe(doc.text.slice(r.evidence.start, r.evidence.end));
    // The number's digits are in the evidence (OCR letters inside numbers read as digits: "12l1").
    const evidenceDigits = ocrDigitView(fold(r.evidence.text), DATE_SYMBOL_DIGITS).replace(/\s+/g, "");
    if (r.number) expect(evidenceDigits).toContain(r.number.split(/[/-]/)[0]?.toLowerCase());
  }
  return refs;
}
const refs = (text: string) => checked(docFromText(text));
const brief = (rs: Reference[]) =>
  rs.map((r) => ({ kind: r.kind, number: r.number, issuedOn: r.issuedOn, issuer: r.issuer }));

// Corpus 000, first paragraph and the score paragraph.
const BA_TO = `Thực hiện Quyết định số 1211/QĐ-UBND ngày 02/11/2022 của Ủy ban nhân dân tỉnh ban hành Quy định thang điểm và phương pháp đánh giá, phân loại công tác dân vận của các cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập trên địa bàn tỉnh Quảng Ngãi; Quyết định số 114/QĐ-UBND ngày 23/01/2025 của UBND huyện về việc phê duyệt kết quả đánh giá, phân loại công tác dân vận chính quyền các cơ quan hành chính Nhà nước, đơn vị sự nghiệp và UBND các xã, thị trấn năm 2024; Kế hoạch số 40/KH-UBND ngày 25/02/2025 của UBND huyện Ba Tơ về khắc phục, cải thiện và nâng cao chỉ số dân vận chính quyền của huyện năm 2025.

Năm 2024, điểm công tác dân vận của thị trấn xếp thứ 12/19 xã, thị trấn, đạt tổng số 83,50 điểm (điểm thị trấn tự chấm 97,50 điểm, huyện chấm đạt 89,50 điểm và bị trừ 06 điểm theo quy định tại điểm b, Khoản 2, Điều 6, QĐ 1211/QĐ-UBND ngày 02/11/2022 do có đảng viên và công chức bị xử lý kỷ luật); căn cứ nhiệm vụ, giải pháp tại Báo cáo số 311/BC-UBND ngày 03/10/2024 của UBND thị trấn về kết quả thực hiện quy chế dân chủ ở cơ sở.`;

describe("references: corpus snippets", () => {
  it("reads kind, number, date and issuer of each citation in 000, once per document", () => {
    expect(brief(refs(BA_TO))).toEqual([
      { kind: "QUYET_DINH", number: "1211/QĐ-UBND", issuedOn: "2022-11-02", issuer: "Ủy ban nhân dân tỉnh" },
      { kind: "QUYET_DINH", number: "114/QĐ-UBND", issuedOn: "2025-01-23", issuer: "UBND huyện" },
      { kind: "KE_HOACH", number: "40/KH-UBND", issuedOn: "2025-02-25", issuer: "UBND huyện Ba Tơ" },
      { kind: "BAO_CAO", number: "311/BC-UBND", issuedOn: "2024-10-03", issuer: "UBND thị trấn" },
    ]);
    expect(refs(BA_TO)[0]?.evidence.text).toBe(
      "Quyết định số 1211/QĐ-UBND ngày 02/11/2022 của Ủy ban nhân dân tỉnh",
    );
  });

  it("reads Party symbols, laws of the Standing Committee and government decrees (003)", () => {
    const rs = refs(
      "1. Tiếp tục quán triệt, triển khai thực hiện Kết luận số 120 -KL/TW ngày 07/01/2016 của Bộ Chính trị về xây dựng và thực hiện Quy chế dân chủ ở cơ sở; Pháp lệnh số 34/2007/PL-UBTVQH11 của Ủy ban Thường vụ Quốc hội khóa 11 về thực hiện dân chủ ở xã, phường, thị trấn; Nghị định 145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ quy định chi tiết; Chỉ thị 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về đổi mới công tác dân vận; Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường; Quyết định số 396 -QĐ/TU, ngày 19/10/2021 của Ban Thường vụ Tỉnh ủy về việc ban hành Quy chế công tác dân vận.",
    );
    expect(brief(rs)).toEqual([
      { kind: "KET_LUAN", number: "120-KL/TW", issuedOn: "2016-01-07", issuer: "Bộ Chính trị" },
      {
        kind: "PHAP_LENH",
        number: "34/2007/PL-UBTVQH11",
        issuedOn: null,
        issuer: "Ủy ban Thường vụ Quốc hội khóa 11",
      },
      { kind: "NGHI_DINH", number: "145/2020/NĐ-CP", issuedOn: "2020-12-14", issuer: "Chính phủ" },
      { kind: "CHI_THI", number: "16/CT-TTg", issuedOn: "2016-05-16", issuer: "Thủ tướng Chính phủ" },
      { kind: "CHI_THI", number: "33/CT-TTg", issuedOn: "2021-11-26", issuer: "Thủ tướng Chính phủ" },
      { kind: "QUYET_DINH", number: "396-QĐ/TU", issuedOn: "2021-10-19", issuer: "Ban Thường vụ Tỉnh ủy" },
    ]);
  });

  it("reads a công văn and a joint programme (003), the issuer ending at the subject", () => {
    const rs = refs(
      "Thực hiện Công văn số 869-CV/TU ngày 18/02/2022 của Ban Thường vụ Tỉnh ủy triển khai thực hiện công tác dân vận năm 2022; Chương trình phối hợp số 31 - CT/BĐVTU-BCSSBUBND ngày 28/01/2022 giữa Ban Dân vận Tỉnh ủy và Ban cán sự đảng; theo chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 5451/UBND-CNXD ngày 10/9/2018.",
    );
    expect(brief(rs)).toEqual([
      { kind: "CONG_VAN", number: "869-CV/TU", issuedOn: "2022-02-18", issuer: "Ban Thường vụ Tỉnh ủy" },
      { kind: "CHUONG_TRINH", number: "31-CT/BĐVTU-BCSSBUBND", issuedOn: "2022-01-28", issuer: null },
      { kind: "CONG_VAN", number: "5451/UBND-CNXD", issuedOn: "2018-09-10", issuer: null },
    ]);
  });

  it("skips the công văn's own number and merges its subject's citation with the body's (003, part 1)", () => {
    const rs = refs(`ỦY BAN NHÂN DÂN
THỊ XÃ ĐỨC PHỐ

Số: 560 /UBND
V/v tham mưu triển khai thực
hiện Kế hoạch số 53/KH-
UBND ngày 23/3/2022 của
UBND tỉnh Quảng Ngãi

Đức Phổ, ngày 28 tháng 3 năm 2022

Kính gửi:

- Cơ quan Tổ chức - Nội vụ thị xã;

Thực hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022 của UBND tỉnh Quảng Ngãi Thực hiện quy chế dân chủ ở cơ sở. Thời gian hoàn thành các nhiệm vụ theo đúng quy định tại khoản 1, Mục III Kế hoạch số 53/KH-UBND của UBND tỉnh.`);
    expect(brief(rs)).toEqual([
      { kind: "KE_HOACH", number: "53/KH-UBND", issuedOn: "2022-03-23", issuer: "UBND tỉnh Quảng Ngãi" },
    ]);
  });

  it("skips the plan's own number in its header and in its appendix (002)", () => {
    const rs = refs(
      "Số: 08/KH-UBND\n\nNhư Quỳnh, ngày 11 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nThực hiện Kế hoạch số 192//KH-UBND ngày 26/12/2023 của UBND tỉnh về nâng cao Chỉ số PAPI.\n\nPhụ lục\n(Kèm theo Kế hoạch số 08/KH-UBND ngày 11/01 /2024 của UBND thị trấn Như Quỳnh)",
    );
    expect(brief(rs)).toEqual([
      { kind: "KE_HOACH", number: "192/KH-UBND", issuedOn: "2023-12-26", issuer: "UBND tỉnh" },
    ]);
  });

  it("reads hard-wrapped citations of 004 (breaks inside the symbol, issuer ending at a parenthesis)", () => {
    const rs = refs(`các mục tiêu, chỉ tiêu tại Nghị quyết số 07-NQ/TU ngày 12/12/2023 của Hội

nghị Thị ủy lần thứ 15 (khoá XXI) về tình hình thực hiện nhiệm vụ năm 2023; Quyết định số 42-

QĐ/ĐU ngày 21/01/2022 của Đảng ủy về việc ban hành Quy chế; Quyết định số

439/QĐ- UBND ngày 14/9/2021 về thực hiện Quy chế dân chủ; Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết`);
    expect(brief(rs)).toEqual([
      { kind: "NGHI_QUYET", number: "07-NQ/TU", issuedOn: "2023-12-12", issuer: "Hội" },
      { kind: "QUYET_DINH", number: "42-QĐ/ĐU", issuedOn: "2022-01-21", issuer: "Đảng ủy" },
      { kind: "QUYET_DINH", number: "439/QĐ-UBND", issuedOn: "2021-09-14", issuer: null },
      { kind: "NGHI_DINH", number: "59/2023/NĐ-CP", issuedOn: "2023-08-14", issuer: "Chính phủ" },
    ]);
    // Once the normaliser has joined the wrapped line, the issuer reads whole.
    expect(
      refs("Nghị quyết số 07-NQ/TU ngày 12/12/2023 của Hội nghị Thị ủy lần thứ 15 (khoá XXI) về")[0]?.issuer,
    ).toBe("Hội nghị Thị ủy lần thứ 15");
  });

  it("reads dates written in words and Party rules (Bắc Ninh, Cần Thơ)", () => {
    const rs = refs(
      "Kế hoạch số 24/KH-UBND ngày 14/8/2025 của UBND tỉnh thực hiện Nghị quyết số 66-NQ/TW ngày 30 tháng 4 năm 2025 của Bộ Chính trị về đổi mới; Quy định số 178-QĐ/TW ngày 27/6/2024 của Bộ Chính trị về kiểm soát quyền lực; Nghị quyết số 197/2025/QH15 của Quốc hội về một số cơ chế; Công văn số 9086/BNV-CTTN&BĐG ngày 08 tháng 10 năm 2025 của Bộ trưởng Bộ Nội vụ về việc ban hành.",
    );
    expect(brief(rs)).toEqual([
      { kind: "KE_HOACH", number: "24/KH-UBND", issuedOn: "2025-08-14", issuer: "UBND tỉnh" },
      { kind: "NGHI_QUYET", number: "66-NQ/TW", issuedOn: "2025-04-30", issuer: "Bộ Chính trị" },
      { kind: "QUY_DINH", number: "178-QĐ/TW", issuedOn: "2024-06-27", issuer: "Bộ Chính trị" },
      { kind: "NGHI_QUYET", number: "197/2025/QH15", issuedOn: null, issuer: "Quốc hội" },
      {
        kind: "CONG_VAN",
        number: "9086/BNV-CTTN&BĐG",
        issuedOn: "2025-10-08",
        issuer: "Bộ trưởng Bộ Nội vụ",
      },
    ]);
  });
});

describe("references: other ways of writing a citation", () => {
  it("reads a number glued to its 'số', a date after the issuer, a 'Thông báo kết luận'", () => {
    expect(
      brief(
        refs(
          "Thực hiện Quyết định số181/QĐ-UBND ngày 29/12/2023 của UBND phường; Quyết định số 3225/QĐ-UBND của UBND tỉnh Quảng Ngãi ngày 12/12/2023 về việc ban hành Quy chế; Thông báo kết luận số 12-TB/TU ngày 28/02/2024 của Ban Thường vụ Thành ủy.",
        ),
      ),
    ).toEqual([
      { kind: "QUYET_DINH", number: "181/QĐ-UBND", issuedOn: "2023-12-29", issuer: "UBND phường" },
      { kind: "QUYET_DINH", number: "3225/QĐ-UBND", issuedOn: "2023-12-12", issuer: "UBND tỉnh Quảng Ngãi" },
      { kind: "THONG_BAO", number: "12-TB/TU", issuedOn: "2024-02-28", issuer: "Ban Thường vụ Thành ủy" },
    ]);
  });

  it("reads Party rules, ordinances, joint programmes and Tờ trình", () => {
    expect(
      brief(
        refs(
          "Căn cứ Quy định số 08-QĐi/TW ngày 25/10/2021 của Ban Chấp hành Trung ương; Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20/4/2007 của Ủy ban Thường vụ Quốc hội; Chương trình phối hợp số 02/CTr-UBND-MTTQ ngày 05/01/2022; Hướng dẫn số 12-HD/BTGDVTW ngày 15/8/2025 của Ban Tuyên giáo và Dân vận Trung ương về đánh giá; Xét Tờ trình số 05/TTr-PNV ngày 10 tháng 01 năm 2024.",
        ),
      ),
    ).toEqual([
      { kind: "QUY_DINH", number: "08-QĐi/TW", issuedOn: "2021-10-25", issuer: "Ban Chấp hành Trung ương" },
      {
        kind: "PHAP_LENH",
        number: "34/2007/PL-UBTVQH11",
        issuedOn: "2007-04-20",
        issuer: "Ủy ban Thường vụ Quốc hội",
      },
      { kind: "CHUONG_TRINH", number: "02/CTr-UBND-MTTQ", issuedOn: "2022-01-05", issuer: null },
      {
        kind: "HUONG_DAN",
        number: "12-HD/BTGDVTW",
        issuedOn: "2025-08-15",
        issuer: "Ban Tuyên giáo và Dân vận Trung ương",
      },
      { kind: "OTHER", number: "05/TTr-PNV", issuedOn: "2024-01-10", issuer: null },
    ]);
  });
});

describe("references: deduplication", () => {
  it("keeps the first full citation's evidence and fills what it lacks from another mention", () => {
    const rs = refs(
      "theo QĐ 1211/QĐ-UBND. Thực hiện Quyết định số 1211/QĐ-UBND ngày 02/11/2022 về tiêu chí; căn cứ Quyết định số 1211/QĐ-UBND của UBND tỉnh Quảng Ngãi.",
    );
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({
      number: "1211/QĐ-UBND",
      issuedOn: "2022-11-02",
      issuer: "UBND tỉnh Quảng Ngãi",
    });
    expect(rs[0]?.evidence.text).toBe("Quyết định số 1211/QĐ-UBND ngày 02/11/2022");
  });

  it("keeps two documents that share a number but not a kind", () => {
    const rs = refs("Kế hoạch số 12/KH-UBND ngày 01/02/2024; Chỉ thị số 12/CT-UBND ngày 01/03/2024.");
    expect(rs.map((r) => r.kind)).toEqual(["KE_HOACH", "CHI_THI"]);
  });
});

describe("references: laws by name", () => {
  it("reads a law with its date, a law with its year, and a numbered law", () => {
    const rs = refs(
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022; Luật số 97/2025/QH15 ngày 27 tháng 6 năm 2025 sửa đổi, bổ sung.",
    );
    expect(brief(rs)).toEqual([
      { kind: "LUAT", number: null, issuedOn: "2015-06-19", issuer: null },
      { kind: "LUAT", number: null, issuedOn: null, issuer: null },
      { kind: "LUAT", number: "97/2025/QH15", issuedOn: "2025-06-27", issuer: null },
    ]);
    expect(rs[1]?.evidence.text).toBe("Luật Thực hiện dân chủ ở cơ sở năm 2022");
  });

  it("reads a known law without a date once, and not 'pháp luật' in running text", () => {
    const rs = refs(
      "Phối hợp tổ chức hội nghị quán triệt Luật Thực hiện dân chủ ở cơ sở và các văn bản triển khai Luật Thực hiện dân chủ ở cơ sở; tuyên truyền pháp luật khiếu nại, tố cáo.",
    );
    expect(rs).toHaveLength(1);
    expect(rs[0]?.evidence.text).toBe("Luật Thực hiện dân chủ ở cơ sở");
  });
});

describe("references: OCR noise", () => {
  it("reads Q4/N4 for QĐ/NĐ, Ð (U+00D0) for Đ, a lost slash and a lost dash", () => {
    const rs = refs(
      "Quyết định số 1211/Q4-UBND ngày 02/11/2022; Nghị định số 59/2023/N4-CP ngày 14/8/2023; Quyết định số 436/QÐ-UBND ngày 11/6/2019; Số hiệu văn bản Quyết định 06/2021QĐ-UBND; Nghị quyết số 30c/NQCP ngày 08/11/2011 của Chính phủ",
    );
    expect(rs.map((r) => r.number)).toEqual([
      "1211/QĐ-UBND",
      "59/2023/NĐ-CP",
      "436/QĐ-UBND",
      "06/2021/QĐ-UBND",
      "30c/NQ-CP",
    ]);
    expect(rs.map((r) => r.kind)).toEqual([
      "QUYET_DINH",
      "NGHI_DINH",
      "QUYET_DINH",
      "QUYET_DINH",
      "NGHI_QUYET",
    ]);
  });

  it("reads unaccented OCR text, and 'Nghị định s 91' with the ố lost", () => {
    const rs = refs(
      "Thuc hien Quyet dinh so 1211/QD-UBND ngay 02/11/2022 cua UBND tinh Quang Ngai ve ban hanh; quy dinh chi tiet Nghị định s 91/2017/NĐ-CP",
    );
    expect(brief(rs)).toEqual([
      { kind: "QUYET_DINH", number: "1211/QĐ-UBND", issuedOn: "2022-11-02", issuer: "UBND tinh Quang Ngai" },
      { kind: "NGHI_DINH", number: "91/2017/NĐ-CP", issuedOn: null, issuer: null },
    ]);
  });

  it("reads 'l' for '1' inside numbers and dates, never inside words or roman numerals", () => {
    expect(
      brief(refs("Quyết định số 12l1/Q4-UBND ngày 02/11/2022; Quyết định số 95/Q4-UBND ngày l8/0l/2024")),
    ).toEqual([
      { kind: "QUYET_DINH", number: "1211/QĐ-UBND", issuedOn: "2022-11-02", issuer: null },
      { kind: "QUYET_DINH", number: "95/QĐ-UBND", issuedOn: "2024-01-18", issuer: null },
    ]);
    expect(refs("Kế hoạch số l/KH-UBND ngày 1l/3 Quý I/2024")).toEqual([]);
  });

  it("reads no number from cut-off symbols, dates, ranks or a header's own number", () => {
    expect(refs("và Chỉ thị số 33/CT Chính phủ về tiếp tục tăng cườn chính nhà nước")).toEqual([]);
    expect(refs("gửi trước ngày 30/3/2022; xếp thứ 12/19 xã, thị trấn; báo cáo 6/2024")).toEqual([]);
    expect(refs("Số: 53 /KH-UBND\nKẾ HOẠCH")).toEqual([]);
  });

  it("invents no numbered reference from the garbled OCR excerpt", () => {
    const rs = refs(`Số 70/KH-UBND

Cần Thơ, ngày 15 tháng 9 năm 2025

KẾ HOẠCH Thực hiện công tác dân vận và đã thành phố Cần Thơ từ nay đến Thực hiện Luật Thực hiện dân d Luật sửa đổi, bổ sung một số đó Công đoàn, Luật Thanh niên và năm 2025 và Chỉ thị số 33/CT Chính phủ về tiếp tục tăng cườn chính nhà nước, chính quyền cácác

- a) Đổi mới, nâng cao hiệu quả công chính nhà nước, chính quyền các trương, đường lối của Đảng, hiện tốt Luật Thực hiện dân ch Luật Mặt trận Tổ quốc Việt Nam hiện dân chủ ở cơ sở; Chỉ thị số xã nhận thức, hành động về công tác có thống chính trị;`);
    expect(rs.filter((r) => r.number !== null)).toEqual([]);
    expect(rs.every((r) => r.kind === "LUAT")).toBe(true);
  });

  it("returns [] and no message for a text with no citation", () => {
    const run = referencesExtractor.run(docFromText("Tổ chức hội nghị sơ kết 6 tháng đầu năm."));
    expect(run).toEqual({ value: [], messages: [] });
  });
});

describe("references: corpus end to end through the normaliser", () => {
  const read = (name: string) => {
    const raw = readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");
    return normaliseFile(buildRawText([{ page: 1, text: raw }])).documents;
  };
  const numbers = (name: string) => read(name).map((d) => checked(d).map((r) => r.number));

  it("reads the citations of each core document, without the documents' own numbers", () => {
    const [ba] = numbers("000_e4db89253d0a1edd.txt");
    expect(ba).toEqual(expect.arrayContaining(["1211/QĐ-UBND", "114/QĐ-UBND", "40/KH-UBND", "311/BC-UBND"]));
    expect(new Set(ba).size).toBe(ba?.length);
    const [nq] = numbers("002_90d18914c045a6d4.txt");
    expect(nq).toEqual(expect.arrayContaining(["06/CT-CTUBND", "180/KH-UBND", "192/KH-UBND"]));
    expect(nq).not.toContain("08/KH-UBND");
    const [cv, kh] = numbers("003_6cafff568a66f664.txt");
    expect(cv).toEqual(["53/KH-UBND"]);
    expect(kh).toEqual(
      expect.arrayContaining(["869-CV/TU", "120-KL/TW", "34/2007/PL-UBTVQH11", "33/CT-TTg"]),
    );
    expect(kh).not.toContain("53/KH-UBND");
    const [pm] = numbers("004_bde61b360d837a63.txt");
    expect(pm).toEqual(expect.arrayContaining(["56/KH-UBND", "07-NQ/TU", "439/QĐ-UBND", "59/2023/NĐ-CP"]));
  });

  it("finds no numbered reference in the garbled OCR excerpt", () => {
    const [garbled] = numbers("more/ocr_garbled_excerpt.txt");
    expect(garbled?.filter((n) => n !== null)).toEqual([]);
  });
});
