/**
 * Party documents' headers (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW) through the metadata
 * extractor: the superior Party organisation above the issuing committee ("ĐẢNG BỘ TỈNH QUẢNG
 * NGÃI / ĐẢNG ỦY XÃ NGHĨA KỲ"), a star under it, "Số 12-KH/ĐU" (a hyphen before the kind, no
 * colon), the motto "ĐẢNG CỘNG SẢN VIỆT NAM", "T/M ĐẢNG ỦY / BÍ THƯ". Layouts as PDF text layers
 * (columns one after the other, or interleaved on one line) and DOCX tables (tab rows) give them;
 * two OCR-noisy copies. Names, numbers and dates are invented.
 */
import { describe, expect, it } from "vitest";
import { extractMetadata } from "../extractors/metadata.js";
import { partyIssuer } from "../extractors/metadata-party.js";
import { docFromText } from "../extractors/test-doc.js";
import { fold } from "../pipeline/text/fold.js";
import { DocumentMetadata } from "../schemas/index.js";

const BODY = `
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt Quy chế công tác dân vận của hệ thống chính trị; phát huy vai trò của Mặt trận Tổ quốc.
`;

/** Commune Party committee after the 2025 reform: columns one after the other, standing committee signs. */
const xaNghiaKy = `ĐẢNG BỘ TỈNH QUẢNG NGÃI
ĐẢNG ỦY XÃ NGHĨA KỲ
*
Số 12-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Nghĩa Kỳ, ngày 15 tháng 8 năm 2025

KẾ HOẠCH
thực hiện công tác dân vận chính quyền năm 2025

Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy về công tác dân vận năm 2025, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch thực hiện như sau:
${BODY}
Nơi nhận:
- Ban Thường vụ Tỉnh ủy (b/c),
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Văn Bình
`;

/** District Party committee: a PDF text layer interleaves the two header columns. */
const huyenBaTo = `ĐẢNG BỘ TỈNH QUẢNG NGÃI ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY BA TƠ
*
Số 05-BC/HU Ba Tơ, ngày 20 tháng 12 năm 2024

BÁO CÁO
kết quả thực hiện công tác dân vận năm 2024, phương hướng nhiệm vụ năm 2025

Thực hiện Chỉ thị số 08-CT/TU ngày 25/5/2021 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy báo cáo kết quả như sau:
${BODY}
Nơi nhận:
- Ban Thường vụ Tỉnh ủy,
- Các đảng bộ, chi bộ trực thuộc,
- Lưu Văn phòng Huyện ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ
(Đã ký)
Đinh Văn Hùng
`;

/** Ward Party committee from a DOCX table: tab rows, the recipients beside the signature. */
const phuongPhoMinh = `ĐẢNG BỘ THỊ XÃ ĐỨC PHỔ\tĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY PHƯỜNG PHỔ MINH\t
*\t
Số 27-NQ/ĐU\tPhổ Minh, ngày 05 tháng 01 năm 2024

NGHỊ QUYẾT
về lãnh đạo thực hiện quy chế dân chủ ở cơ sở và công tác dân vận năm 2024

Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
${BODY}
Nơi nhận:\tT/M ĐẢNG ỦY
- Thường trực Thị ủy (b/c),\tBÍ THƯ
- Các chi bộ trực thuộc,\t
- Lưu Văn phòng Đảng ủy.\tPhạm Thị Thu Hà
`;

/** A village Party cell under a commune Party organisation. */
const chiBoGiaVuc = `ĐẢNG BỘ XÃ BA ĐIỀN
CHI BỘ THÔN GIÁ VỰC
*
Số 03-BC/CB
ĐẢNG CỘNG SẢN VIỆT NAM
Ba Điền, ngày 28 tháng 6 năm 2024

BÁO CÁO
sơ kết công tác dân vận 6 tháng đầu năm 2024

Thực hiện Kế hoạch số 20-KH/ĐU ngày 10/01/2024 của Đảng ủy xã Ba Điền, Chi bộ báo cáo như sau:
${BODY}
Nơi nhận:
- Đảng ủy xã (b/c),
- Lưu Chi bộ.

T/M CHI BỘ
BÍ THƯ
Đinh Thị Hoa
`;

/** A district committee's mass-mobilisation board writes to communes: a công văn with "V/v". */
const banDanVanNghiaHanh = `HUYỆN ỦY NGHĨA HÀNH
BAN DÂN VẬN
*
Số 45-CV/BDVHU
V/v hướng dẫn tự chấm điểm công tác dân vận chính quyền năm 2024
ĐẢNG CỘNG SẢN VIỆT NAM
Nghĩa Hành, ngày 10 tháng 11 năm 2024

Kính gửi:
- Đảng ủy các xã, thị trấn;
- Ủy ban nhân dân các xã, thị trấn.

Thực hiện Hướng dẫn số 12-HD/BDVTU ngày 02/11/2024 của Ban Dân vận Tỉnh ủy, Ban Dân vận Huyện ủy hướng dẫn như sau:
${BODY}
Nơi nhận:
- Như trên,
- Thường trực Huyện ủy (b/c),
- Lưu Ban Dân vận.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Lê Văn Tám
`;

/** The same board under its Party organisation's name ("BAN DÂN VẬN HUYỆN ỦY"), a plan. */
const banDanVanBaTo = `ĐẢNG BỘ HUYỆN BA TƠ
BAN DÂN VẬN HUYỆN ỦY
*
Số 08-KH/BDVHU
ĐẢNG CỘNG SẢN VIỆT NAM
Ba Tơ, ngày 12 tháng 02 năm 2025

KẾ HOẠCH
kiểm tra công tác dân vận chính quyền năm 2025

Thực hiện Kế hoạch số 40/KH-UBND ngày 25/02/2025 của UBND huyện Ba Tơ, Ban Dân vận Huyện ủy xây dựng kế hoạch như sau:
${BODY}
Nơi nhận:
- Thường trực Huyện ủy (b/c),
- Lưu BDV.

T/M BAN DÂN VẬN
TRƯỞNG BAN
Phạm Văn Long
`;

/** A provincial committee's decision, the header of the province alone. */
const tinhQuangNgai = `TỈNH ỦY QUẢNG NGÃI
*
Số 396-QĐ/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ngãi, ngày 19 tháng 10 năm 2021

QUYẾT ĐỊNH
ban hành Quy chế công tác dân vận của hệ thống chính trị tỉnh Quảng Ngãi

Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
${BODY}
Nơi nhận:
- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Bùi Thị Quỳnh Vân
`;

/**
 * Expected metadata in one line: "kind | number | issuedOn | place | issuer | unit name, level |
 * signer name, position, capacity".
 */
function expected(spec: string): Record<string, unknown> {
  const [kind, number, issuedOn, place, issuer, unit, signer] = spec.split(" | ");
  const [unitName, level] = (unit ?? "").split(", ");
  const [name, position, capacity] = (signer ?? "").split(", ");
  return {
    kind,
    number,
    issuedOn,
    place,
    issuer,
    unit: { name: unitName, level },
    signer: { name, position, capacity },
  };
}

/** Every Party snippet: its text, a name, and the metadata it must give. */
const SNIPPETS: Array<[text: string, name: string, spec: string]> = [
  [
    xaNghiaKy,
    "Đảng ủy xã, KẾ HOẠCH",
    "KE_HOACH | 12-KH/ĐU | 2025-08-15 | Nghĩa Kỳ | Đảng ủy xã Nghĩa Kỳ | Nghĩa Kỳ, xa | Trần Văn Bình, PHÓ BÍ THƯ, TM",
  ],
  [
    huyenBaTo,
    "Huyện ủy, BÁO CÁO, interleaved header",
    "BAO_CAO | 05-BC/HU | 2024-12-20 | Ba Tơ | Huyện ủy Ba Tơ | Ba Tơ, huyen | Đinh Văn Hùng, BÍ THƯ, TM",
  ],
  [
    phuongPhoMinh,
    "Đảng ủy phường, NGHỊ QUYẾT, DOCX rows",
    "OTHER | 27-NQ/ĐU | 2024-01-05 | Phổ Minh | Đảng ủy phường Phổ Minh | Phổ Minh, phuong | Phạm Thị Thu Hà, BÍ THƯ, TM",
  ],
  [
    chiBoGiaVuc,
    "Chi bộ thôn, BÁO CÁO",
    "BAO_CAO | 03-BC/CB | 2024-06-28 | Ba Điền | Chi bộ thôn Giá Vực | Ba Điền, xa | Đinh Thị Hoa, BÍ THƯ, TM",
  ],
  [
    banDanVanNghiaHanh,
    "Ban Dân vận under its Huyện ủy, công văn",
    "CONG_VAN | 45-CV/BDVHU | 2024-11-10 | Nghĩa Hành | Ban Dân vận Huyện ủy Nghĩa Hành | Nghĩa Hành, huyen | Lê Văn Tám, PHÓ TRƯỞNG BAN, KT",
  ],
  [
    banDanVanBaTo,
    "BAN DÂN VẬN HUYỆN ỦY under the Đảng bộ, KẾ HOẠCH",
    "KE_HOACH | 08-KH/BDVHU | 2025-02-12 | Ba Tơ | Ban Dân vận Huyện ủy Ba Tơ | Ba Tơ, huyen | Phạm Văn Long, TRƯỞNG BAN, TM",
  ],
  [
    tinhQuangNgai,
    "Tỉnh ủy, QUYẾT ĐỊNH",
    "QUYET_DINH | 396-QĐ/TU | 2021-10-19 | Quảng Ngãi | Tỉnh ủy Quảng Ngãi | Quảng Ngãi, tinh | Bùi Thị Quỳnh Vân, BÍ THƯ, TM",
  ],
];

/** The commune plan as an OCR engine gives it: no diacritics at all, "l" for 1 in the number. */
const xaNghiaKyOcr = xaNghiaKy
  .normalize("NFD")
  .replace(/[\u0300-\u036f]/g, "")
  .replace(/đ/g, "d")
  .replace(/Đ/g, "D")
  .replace("So 12-KH", "So l2-KH");

/** The district report with an old tone mark, spaces inside the symbol and the capacity marker. */
const huyenBaToOcr = huyenBaTo
  .replace("HUYỆN ỦY BA TƠ", "HUYỆN UỶ  BA TƠ")
  .replace("Số 05-BC/HU", "Số 05 - BC/HU")
  .replace("T/M BAN THƯỜNG VỤ", "T / M BAN THƯỜNG VỤ");

/** The fields compared, folded (OCR text has no diacritics to compare). */
function foldedFields(md: DocumentMetadata) {
  const f = (s: string | null | undefined) => (s == null ? null : fold(s).replace(/\s+/g, " "));
  return {
    kind: md.kind,
    number: f(md.number),
    issuer: f(md.issuer),
    unit: md.unit ? { name: f(md.unit.name), level: md.unit.level } : null,
    signer: md.signer
      ? { name: f(md.signer.name), position: f(md.signer.position), capacity: md.signer.capacity }
      : null,
  };
}

describe("Party headers", () => {
  for (const [text, name, spec] of SNIPPETS) {
    it(name, () => {
      const doc = docFromText(text);
      const md = extractMetadata(doc);
      expect(DocumentMetadata.safeParse(md).success).toBe(true);
      const { kind, number, issuedOn, place, issuer, unit, signer } = md;
      expect({ kind, number, issuedOn, place, issuer, unit, signer }).toEqual(expected(spec));
      // Evidence: the text at its offsets, and the unit's name inside the issuer's evidence.
      for (const [key, ev] of Object.entries(md.evidence))
        expect(ev.text, key).toBe(doc.text.slice(ev.start, ev.end));
      expect(fold(md.evidence.unit?.text ?? "")).toContain(fold(unit?.name ?? "?"));
    });
  }

  it("reads an unaccented OCR copy of the commune plan", () => {
    const expected = foldedFields({ ...extractMetadata(docFromText(xaNghiaKy)) });
    expect(foldedFields(extractMetadata(docFromText(xaNghiaKyOcr)))).toEqual(expected);
  });

  it("reads the district report with an old tone mark and spaced symbol and capacity", () => {
    const md = extractMetadata(docFromText(huyenBaToOcr));
    expect(md.number).toBe("05-BC/HU");
    expect(md.issuer).toBe("Huyện ủy Ba Tơ");
    expect(md.unit).toEqual({ name: "Ba Tơ", level: "huyen" });
    expect(md.signer).toEqual({ name: "Đinh Văn Hùng", position: "BÍ THƯ", capacity: "TM" });
  });

  it("gives a committee with no territory of its own the unit of the organisation above it", () => {
    const md = extractMetadata(
      docFromText(
        chiBoGiaVuc.replace(
          "ĐẢNG BỘ XÃ BA ĐIỀN\nCHI BỘ THÔN GIÁ VỰC",
          "ĐẢNG BỘ TỈNH QUẢNG NGÃI\nĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
        ),
      ),
    );
    expect(md.issuer).toBe("Đảng ủy Khối các cơ quan tỉnh");
    expect(md.unit).toEqual({ name: "Quảng Ngãi", level: "tinh" });
  });

  it("takes no issuer from the body of a Party document whose header is lost", () => {
    const text = `ĐẢNG CỘNG SẢN VIỆT NAM\nBa Tơ, ngày 12 tháng 02 năm 2025\n\nKẾ HOẠCH\nkiểm tra công tác dân vận năm 2025\n\nThực hiện Kế hoạch số 40/KH-UBND ngày 25/02/2025 của UBND huyện Ba Tơ, UBND huyện Ba Tơ xây dựng kế hoạch phối hợp như sau:\n${BODY}`;
    const md = extractMetadata(docFromText(text));
    expect(md.issuer).toBeNull();
    expect(md.unit).toBeNull();
  });

  it("reads no Party issuer in a state header, nor from Party bodies named in lower case", () => {
    const state = `UBND HUYỆN BA TƠ\nVĂN PHÒNG HĐND VÀ UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/VP\nV/v báo cáo Đảng ủy xã, Huyện ủy Ba Tơ\nBa Tơ, ngày 02 tháng 3 năm 2025\n`;
    const doc = docFromText(state);
    expect(partyIssuer(doc, doc.text.length)).toBeNull();
    expect(extractMetadata(doc).issuer).toBe("Văn phòng HĐND và UBND huyện Ba Tơ");
  });

  it("ends the copy list at a Party signature mark, beside it or under it", () => {
    const beside = `${xaNghiaKy.split("Nơi nhận:")[0]}Nơi nhận: T/M ĐẢNG ỦY\n- Ban Thường vụ Huyện ủy (b/c); BÍ THƯ\n- Các chi bộ trực thuộc.\n\nTrần Văn Bình\n`;
    const under = `${xaNghiaKy.split("Nơi nhận:")[0]}Nơi nhận:\n- Ban Thường vụ Huyện ủy (b/c),\n- Các chi bộ trực thuộc,\nT/M ĐẢNG ỦY\nBÍ THƯ\nTrần Văn Bình\n`;
    for (const text of [beside, under]) {
      const md = extractMetadata(docFromText(text));
      expect(md.recipients).toEqual(["Ban Thường vụ Huyện ủy", "Các chi bộ trực thuộc"]);
      expect(md.signer).toEqual({ name: "Trần Văn Bình", position: "BÍ THƯ", capacity: "TM" });
    }
  });
});
