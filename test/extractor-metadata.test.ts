import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DATE_SYMBOL_DIGITS, ocrDigitView } from "../extractors/lib/ocr-digits.js";
import { extractMetadata, metadataExtractor } from "../extractors/metadata.js";
import { docFromText } from "../extractors/test-doc.js";
import { fold } from "../pipeline/text/fold.js";
import { normaliseFile } from "../pipeline/text/normalise-file.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import type { NormalisedDocument } from "../pipeline/text/types.js";
import { DocumentMetadata } from "../schemas/index.js";

/** Folded words, OCR letters inside numbers read as digits ("l2" holds the number 12). */
const words = (s: string) =>
  ocrDigitView(fold(s), DATE_SYMBOL_DIGITS)
    .split(/[\s\-–]+/)
    .filter(Boolean);

/** True when the words of `value` appear in `evidence` in order (interleaved columns may sit between). */
function wordsInOrder(evidence: string, value: string): boolean {
  const have = words(evidence);
  let i = 0;
  for (const w of words(value)) {
    while (i < have.length && !have[i]?.includes(w)) i++;
    if (i++ >= have.length) return false;
  }
  return true;
}

/**
 * Every evidence slice is the text at its offsets, and holds the words its value came from, in
 * order (compared folded).
 */
function expectEvidenceHolds(doc: NormalisedDocument, md: DocumentMetadata): void {
  expect(DocumentMetadata.safeParse(md).success).toBe(true);
  for (const [key, ev] of Object.entries(md.evidence)) {
    expect(ev.text, key).toBe(doc.text.slice(ev.start, ev.end));
  }
  const holds = (key: string, value: string | null | undefined) => {
    if (value == null) return;
    const ev = md.evidence[key];
    expect(ev, `evidence for ${key}`).toBeDefined();
    expect(wordsInOrder(ev?.text ?? "", value), `${key}: "${value}" in "${ev?.text}"`).toBe(true);
  };
  holds("number", md.number?.replace(/[/-].*$/, ""));
  holds("place", md.place);
  holds("title", md.title);
  holds("unit", md.unit?.name);
  holds("issuer", md.unit?.name);
  holds("signer", md.signer?.name);
  holds("signer", md.signer?.position);
  if (md.year !== null) holds("year", String(md.year));
  if (md.issuedOn) holds("issuedOn", String(Number(md.issuedOn.slice(8))));
  for (const r of md.recipients.slice(0, 1)) holds("recipients", r);
}

function meta(text: string): DocumentMetadata {
  const doc = docFromText(text);
  const md = extractMetadata(doc);
  expectEvidenceHolds(doc, md);
  return md;
}

// Corpus 000 (Ba Tơ): no header at all; the body says who issues it.
const BA_TO = `KẾ HOẠCH

Khắc phục, cải thiện và nâng cao chỉ số dân vận chính quyền của thị trấn Ba Tơ năm 2025

Thực hiện Quyết định số 1211/QĐ-UBND ngày 02/11/2022 của Ủy ban nhân dân tỉnh ban hành Quy định thang điểm và phương pháp đánh giá, phân loại công tác dân vận của các cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập trên địa bàn tỉnh Quảng Ngãi; Kế hoạch số 40/KH-UBND ngày 25/02/2025 của UBND huyện Ba Tơ về khắc phục, cải thiện và nâng cao chỉ số dân vận chính quyền của huyện năm 2025.

Ủy ban nhân dân thị trấn ban hành Kế hoạch khắc phục, cải thiện và nâng cao chỉ số dân vận chính quyền (DVCQ) của thị trấn năm 2025, như sau:

I. Mục tiêu, chỉ tiêu

Trên đây là kế hoạch và giải pháp trọng tâm nhằm cải thiện chỉ số dân vận chính quyền năm 2025 của UBND thị trấn Ba Tơ, kính báo cáo UBND huyện theo dõi, chỉ đạo.

Nơi nhận:

- UBND huyện (b/c);
- Phòng Nội vụ;
- TT Đảng ủy thị trấn; } (báo cáo)
- TT HĐND thị trấn: }
- CT, các PCT UBND thị trấn;
- Tổ trưởng các TDP;
- Lưu: VT, VP_(pthp).

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Thị Mỹ Lệ`;

// Corpus 001 (Ba Vì): a draft, number and day left blank.
const BA_VI = `Số: /KH-UBND

Ba Vì, ngày tháng 01 năm 2025

KẾ HOẠCH Triển khai công tác dân vận chính quyền năm 2025

Thực hiện Quyết định số 1211/QĐ-UBND ngày 02/11/2022 của UBND tỉnh về ban hành quy định tiêu chí, thang điểm và phương pháp đánh giá.

Để thực hiện có hiệu quả công tác dân vận chính quyền năm 2025, UBND xã Ba Vì xây dựng Kế hoạch triển khai công tác dân vận chính quyền với những nội dung cụ thể như sau:

Nơi nhận:

- Phòng Nội vụ huyện;
- TT Đảng ủy xã;
- Trang thông tin điện tử xã Ba Vì;
- Lưu: VT.

(Báo cáo)

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lê Văn Thảo`;

// Corpus 002 (Như Quỳnh): number, place and date, no issuer block; an appendix after the signature.
const NHU_QUYNH_BODY = `KẾ HOẠCH

Nâng cao Chỉ số Hiệu quả quản trị và hành chính công (PAPI) thị trấn Như Quỳnh năm 2024

Thực hiện Chỉ thị số 06/CT-CTUBND ngày 17/5/2019 của Chủ tịch UBND tỉnh.

Nhằm cải thiện, nâng cao Chỉ số Hiệu quả Quản trị và Hành chính công (PAPI) năm 2024, UBND thị trấn Như Quỳnh ban hành Kế hoạch nâng cao Chỉ số Hiệu quả Quản trị Hành chính công năm 2024 như sau:

Nơi nhận:

- UBND huyện; Phòng Nội vụ huyện;
- TT Đảng ủy, TT HĐND thị trấn;
- Trạm Y tế;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Vũ Văn Sữ

Phụ lục
BIỂU TỔNG HỢP NHIỆM VỤ THỂ CỦA KẾ HOẠCH NÂNG CAO
(Kèm theo Kế hoạch số 08/KH-UBND ngày 11/01 /2024 của UBND thị trấn Như Quỳnh)
TT\tChỉ số nội dung\tNội dung thành phần\tNhiệm vụ\tKết quả\tĐơn vị chủ trì\tĐơn vị thực hiện\tThời gian thực hiện
1\tTham gia của người dân\ta) Tri thức công dân\t- Triển khai\t- Các kế hoạch\tUBND thị trấn\tVăn phòng UBND\tThường xuyên`;
const NHU_QUYNH = `Số: 08/KH-UBND\n\nNhư Quỳnh, ngày 11 tháng 01 năm 2024\n\n${NHU_QUYNH_BODY}`;

// Corpus 003, first document (công văn of thị xã Đức Phổ), with its subject wrapped in a narrow column.
const DUC_PHO_CV = `ỦY BAN NHÂN DÂN
THỊ XÃ ĐỨC PHỐ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 560 /UBND
V/v tham mưu triển khai thực
hiện Kế hoạch số 53/KH-
UBND ngày 23/3/2022 của
UBND tỉnh Quảng Ngãi

Đức Phổ, ngày 28 tháng 3 năm 2022

Kính gửi:

- Cơ quan Tổ chức - Nội vụ thị xã;
- UBND các xã, phường.

Thực hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022 của UBND tỉnh Quảng Ngãi Thực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2022 (có bản chụp kèm theo), Chủ tịch UBND thị xã chỉ đạo:

Yêu cầu Cơ quan Tổ chức - Nội vụ khẩn trương triển khai thực hiện./.

Nơi nhận:

- Như trên;
- CT, các PCT UBND thị xã;
- Chánh, Phó Chánh VP;
- CVVP (Thường);
- Lưu VT.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG



Nguyễn Viết Thanh
Nguyễn Viết Thanh`;

// Corpus 003, second document (KẾ HOẠCH 53 of UBND tỉnh Quảng Ngãi): date before number, name alone at the end.
const QUANG_NGAI_KH = `ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Ngãi, ngày 23 tháng 3 năm 2022

Số: 53 /KH-UBND

KẾ HOẠCH
Thực hiện quy chế dân chủ ở cơ sở
và công tác dân vận chính quyền năm 2022

Thực hiện Công văn số 869-CV/TU ngày 18/02/2022 của Ban Thường vụ Tỉnh ủy triển khai thực hiện công tác dân vận năm 2022. UBND tỉnh ban hành Kế hoạch thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2022, như sau:

Nơi nhận:

- BCD tỉnh về thực hiện QCDC cơ sở;
- CT, PCT UBND tỉnh;
- UBND các huyện, thị xã, thành phố;
- VPUB: CVP, PCVP, KGVX, TTPV-KSTTHC;
- Lưu: VT, NCvi156.



Đặng Văn Minh`;

// Corpus 004 (Phổ Minh): the header is lost, every line hard-wrapped with blank lines between.
const PHO_MINH = ` KẾ HOẠCH 

Thực hiện quy chế dân chủ ở cơ sở  

và công tác dân vận chính quyền năm 2024 

 

Thực hiện Kế hoạch số 56/KH-UBND ngày 15/3/2024 của UBND thị xã 

Đức Phổ về thực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền 

năm 2024, 

UBND phường xây dựng kế hoạch thực hiện quy chế dân chủ ở cơ sở và công 

tác dân vận chính quyền năm 2024, như sau: 

I. MỤC ĐÍCH, YÊU CẦU 

74-QĐ/ĐU ngày 21/01/2022 của Đảng ủy về việc ban hành Quy chế công tác dân 

vận của hệ thống chính trị trên địa bàn phường Phổ Minh; Quyết định số 388/QĐ-UBND

công tác dân vận phường Phổ Minh; Quyết định số 01/2023/QĐ-UBND ngày 

Nơi nhận: 
- Phòng Nội vụ thị xã (b/c); 

- TT Đảng ủy, HĐND phường (b/c); 

- CT, PCT UBND phường; 

- Lưu: VT. 

 CHỦ TỊCH 

 

 

Lê Duy Bảo 
`;

describe("metadata: corpus snippets", () => {
  it("reads a plan with no header (000): issuer from the body, TM signer, recipients", () => {
    const md = meta(BA_TO);
    expect(md.kind).toBe("KE_HOACH");
    expect(md.number).toBeNull();
    expect(md.issuedOn).toBeNull();
    expect(md.place).toBeNull();
    expect(md.issuer).toBe("UBND thị trấn Ba Tơ");
    expect(md.unit).toEqual({ name: "Ba Tơ", level: "thi_tran" });
    expect(md.title).toBe(
      "Khắc phục, cải thiện và nâng cao chỉ số dân vận chính quyền của thị trấn Ba Tơ năm 2025",
    );
    expect(md.year).toBe(2025);
    expect(md.signer).toEqual({ name: "Nguyễn Thị Mỹ Lệ", position: "CHỦ TỊCH", capacity: "TM" });
    expect(md.recipients).toEqual([
      "UBND huyện",
      "Phòng Nội vụ",
      "TT Đảng ủy thị trấn",
      "TT HĐND thị trấn",
      "CT, các PCT UBND thị trấn",
      "Tổ trưởng các TDP",
    ]);
    expect(md.evidence.number).toBeUndefined();
  });

  it("reads a draft (001): blank number and day give null, place and year stay", () => {
    const md = meta(BA_VI);
    expect(md.number).toBeNull();
    expect(md.issuedOn).toBeNull();
    expect(md.evidence.number).toBeUndefined();
    expect(md.evidence.issuedOn).toBeUndefined();
    expect(md.place).toBe("Ba Vì");
    expect(md.title).toBe("Triển khai công tác dân vận chính quyền năm 2025");
    expect(md.year).toBe(2025);
    expect(md.issuer).toBe("UBND xã Ba Vì");
    expect(md.unit).toEqual({ name: "Ba Vì", level: "xa" });
    expect(md.signer).toEqual({ name: "Lê Văn Thảo", position: "PHÓ CHỦ TỊCH", capacity: "KT" });
    expect(md.recipients).toEqual([
      "Phòng Nội vụ huyện",
      "TT Đảng ủy xã",
      "Trang thông tin điện tử xã Ba Vì",
    ]);
  });

  it("reads a draft report with a space-aligned header (noise 20i)", () => {
    const md = meta(
      "Số:      /BC-UBND\n        Long Anh, ngày       tháng 01 năm 2024\n     DỰ THẢO BÁO CÁO\nKết quả thực hiện công tác dân vận năm 2024\n\nCăn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2024 của UBND phường.",
    );
    expect(md.kind).toBe("BAO_CAO");
    expect(md.number).toBeNull();
    expect(md.issuedOn).toBeNull();
    expect(md.place).toBe("Long Anh");
    expect(md.title).toBe("Kết quả thực hiện công tác dân vận năm 2024");
    expect(md.year).toBe(2024);
  });

  it("reads number, place, date and signer of 002, ignoring the appendix after the signature", () => {
    const md = meta(NHU_QUYNH);
    expect(md.kind).toBe("KE_HOACH");
    expect(md.number).toBe("08/KH-UBND");
    expect(md.issuedOn).toBe("2024-01-11");
    expect(md.place).toBe("Như Quỳnh");
    expect(md.issuer).toBe("UBND thị trấn Như Quỳnh");
    expect(md.title).toBe(
      "Nâng cao Chỉ số Hiệu quả quản trị và hành chính công (PAPI) thị trấn Như Quỳnh năm 2024",
    );
    expect(md.year).toBe(2024);
    expect(md.signer).toEqual({ name: "Vũ Văn Sữ", position: "CHỦ TỊCH", capacity: "TM" });
    expect(md.recipients).toEqual([
      "UBND huyện",
      "Phòng Nội vụ huyện",
      "TT Đảng ủy, TT HĐND thị trấn",
      "Trạm Y tế",
    ]);
  });

  it("reads the công văn of 003: V/v subject over several lines, Kính gửi and Nơi nhận, TL signer", () => {
    const md = meta(DUC_PHO_CV);
    expect(md.kind).toBe("CONG_VAN");
    expect(md.number).toBe("560/UBND");
    expect(md.evidence.number?.text).toBe("560 /UBND");
    expect(md.issuedOn).toBe("2022-03-28");
    expect(md.place).toBe("Đức Phổ");
    // As the header writes it ("ĐỨC PHỐ"), title-cased.
    expect(md.issuer).toBe("UBND thị xã Đức Phố");
    expect(md.unit).toEqual({ name: "Đức Phố", level: "thi_xa" });
    expect(md.title).toBe(
      "tham mưu triển khai thực hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022 của UBND tỉnh Quảng Ngãi",
    );
    expect(md.year).toBe(2022);
    expect(md.signer).toEqual({ name: "Nguyễn Viết Thanh", position: "CHÁNH VĂN PHÒNG", capacity: "TL" });
    expect(md.recipients).toEqual([
      "Cơ quan Tổ chức - Nội vụ thị xã",
      "UBND các xã, phường",
      "CT, các PCT UBND thị xã",
      "Chánh, Phó Chánh VP",
      "CVVP (Thường)",
    ]);
    expect(md.evidence["recipients.copies"]?.text).toContain("CVVP (Thường)");
  });

  it("reads the plan of 003: date before number, title over two lines, a name with no position", () => {
    const md = meta(QUANG_NGAI_KH);
    expect(md.kind).toBe("KE_HOACH");
    expect(md.number).toBe("53/KH-UBND");
    expect(md.issuedOn).toBe("2022-03-23");
    expect(md.place).toBe("Quảng Ngãi");
    expect(md.issuer).toBe("UBND tỉnh Quảng Ngãi");
    expect(md.unit).toEqual({ name: "Quảng Ngãi", level: "tinh" });
    expect(md.title).toBe("Thực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2022");
    expect(md.signer).toEqual({ name: "Đặng Văn Minh", position: null, capacity: null });
    expect(md.recipients).toHaveLength(4);
  });

  it("infers the issuer of 004 from the body when the header is missing", () => {
    const md = meta(PHO_MINH);
    expect(md.kind).toBe("KE_HOACH");
    expect(md.issuer).toBe("UBND phường Phổ Minh");
    expect(md.unit).toEqual({ name: "Phổ Minh", level: "phuong" });
    expect(md.evidence.unit?.text).toBe("phường Phổ Minh");
    expect(md.title).toBe("Thực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2024");
    expect(md.year).toBe(2024);
    expect(md.signer).toEqual({ name: "Lê Duy Bảo", position: "CHỦ TỊCH", capacity: null });
    expect(md.recipients).toEqual(["Phòng Nội vụ thị xã", "TT Đảng ủy, HĐND phường", "CT, PCT UBND phường"]);
  });

  it("reads a province plan in markdown residue (Lai Châu): number on the line after 'Số:', wrapped date", () => {
    const md = meta(`UỶ BAN NHÂN
DÂN
TỈNH LAI CHÂU
--------
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:
7360/KH-UBND
Lai Châu, ngày
19 tháng 11 năm 2025

KẾ HOẠCH

TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU
CỦA LUẬT TIÊU CHUẨN VÀ QUY CHUẨN KỸ THUẬT TRÊN ĐỊA BÀN TỈNH LAI CHÂU

Thực hiện Quyết định số 2138/QĐ-TTg ngày 27 tháng 9 năm 2025 của Thủ tướng Chính phủ.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT, Vx3.
TM. ỦY BAN
NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Tống Thanh Hải`);
    expect(md.number).toBe("7360/KH-UBND");
    expect(md.issuedOn).toBe("2025-11-19");
    expect(md.place).toBe("Lai Châu");
    expect(md.issuer).toBe("UBND tỉnh Lai Châu");
    expect(md.title).toBe(
      "TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT TIÊU CHUẨN VÀ QUY CHUẨN KỸ THUẬT TRÊN ĐỊA BÀN TỈNH LAI CHÂU",
    );
    expect(md.year).toBe(2025);
    expect(md.signer).toEqual({ name: "Tống Thanh Hải", position: "PHÓ CHỦ TỊCH", capacity: "KT" });
  });

  it("takes the first year of a period in the title (Bắc Ninh 2026 - 2030) and reads a QĐ of a city (Cần Thơ)", () => {
    const bn = meta(
      "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 141/KH-UBND\nBắc Ninh, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\nNÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG\nCHÍNH SÁCH, PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030\n\nThực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy.",
    );
    expect(bn.year).toBe(2026);
    expect(bn.unit).toEqual({ name: "Bắc Ninh", level: "tinh" });
    const ct = meta(
      "ỦY BAN NHÂN DÂN\n\nTHÀNH PHỐ CẦN THƠ\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 2579/QĐ-UBND\nCần Thơ, ngày 21 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nBAN HÀNH QUY ĐỊNH TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC DÂN VẬN\nVÀ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ TẠI CÁC CƠ QUAN NHÀ NƯỚC TRÊN ĐỊA BÀN THÀNH PHỐ CẦN\nTHƠ\n\nỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\nNơi nhận:\n- Như Điều 4;\n- Bộ Nội vụ;\n- Lưu: VT (VDuẩn).\nTM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH\nTrương Cảnh Tuyên",
    );
    expect(ct.kind).toBe("QUYET_DINH");
    expect(ct.issuer).toBe("UBND thành phố Cần Thơ");
    expect(ct.unit).toEqual({ name: "Cần Thơ", level: "thanh_pho" });
    expect(ct.title?.endsWith("THÀNH PHỐ CẦN THƠ")).toBe(true);
    expect(ct.year).toBe(2025);
    expect(ct.recipients).toEqual(["Bộ Nội vụ"]);
    expect(ct.signer).toEqual({ name: "Trương Cảnh Tuyên", position: "CHỦ TỊCH", capacity: "TM" });
  });
});

describe("metadata: header layouts from PDFs, DOCX and scans", () => {
  const body =
    "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nThực hiện Kế hoạch số 180/KH-UBND ngày 29/12/2023 của UBND huyện.";

  it("reads a PDF header with the two columns interleaved", () => {
    const md = meta(
      `ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHỊ TRẤN NHƯ QUỲNH Độc lập - Tự do - Hạnh phúc\nSố: 08/KH-UBND Như Quỳnh, ngày 11 tháng 01 năm 2024\n${body}`,
    );
    expect(md.issuer).toBe("UBND thị trấn Như Quỳnh");
    expect(md.number).toBe("08/KH-UBND");
    expect(md.place).toBe("Như Quỳnh");
    expect(md.issuedOn).toBe("2024-01-11");
  });

  it("stops the place at the motto of a header flattened onto one line, and reads a date in figures", () => {
    const md = meta(
      `ỦY BAN NHÂN DÂN THỊ TRẤN BA TƠ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Ba Tơ, ngày 05/3/2025\n${body}`,
    );
    expect(md.place).toBe("Ba Tơ");
    expect(md.issuedOn).toBe("2025-03-05");
    expect(md.issuer).toBe("UBND thị trấn Ba Tơ");
  });

  it("reads a công văn subject interleaved with the place and date", () => {
    const md = meta(
      "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHỊ XÃ ĐỨC PHỔ Độc lập - Tự do - Hạnh phúc\nSố: 560 /UBND\nV/v tham mưu triển khai thực Đức Phổ, ngày 28 tháng 3 năm 2022\nhiện Kế hoạch số 53/KH-UBND\n\nKính gửi: Cơ quan Tổ chức - Nội vụ thị xã\n\nThực hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022.",
    );
    expect(md.kind).toBe("CONG_VAN");
    expect(md.title).toBe("tham mưu triển khai thực hiện Kế hoạch số 53/KH-UBND");
    expect(md.place).toBe("Đức Phổ");
    expect(md.issuedOn).toBe("2022-03-28");
    expect(md.issuer).toBe("UBND thị xã Đức Phổ");
    expect(md.recipients).toEqual(["Cơ quan Tổ chức - Nội vụ thị xã"]);
  });

  it("reads a DOCX header table as tab rows", () => {
    const md = meta(
      `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHỊ TRẤN NHƯ QUỲNH\tĐộc lập - Tự do - Hạnh phúc\nSố: 08/KH-UBND\tNhư Quỳnh, ngày 11 tháng 01 năm 2024\n${body}`,
    );
    expect(md.issuer).toBe("UBND thị trấn Như Quỳnh");
    expect(md.place).toBe("Như Quỳnh");
    expect(md.title).toBe("Nâng cao Chỉ số PAPI năm 2024");
  });

  it("reads header and signature cells whose lines the DOCX backend joined with '; '", () => {
    const md = meta(
      `ỦY BAN NHÂN DÂN; THỊ TRẤN NHƯ QUỲNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; Độc lập - Tự do - Hạnh phúc\nSố: 08/KH-UBND\tNhư Quỳnh, ngày 11 tháng 01 năm 2024\n\n${body}\n\nNơi nhận:; - UBND huyện;; - Lưu: VT.\tTM. ỦY BAN NHÂN DÂN; CHỦ TỊCH; Vũ Văn Sữ`,
    );
    expect(md.issuer).toBe("UBND thị trấn Như Quỳnh");
    expect(md.place).toBe("Như Quỳnh");
    expect(md.signer).toEqual({ name: "Vũ Văn Sữ", position: "CHỦ TỊCH", capacity: "TM" });
    expect(md.recipients).toEqual(["UBND huyện"]);
  });

  it("reads DOCX raw text with header lines glued, and a glued signature", () => {
    const md = meta(
      `ỦY BAN NHÂN DÂNTHỊ TRẤN NHƯ QUỲNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc\nSố: 08/KH-UBND\nNhư Quỳnh, ngày 11 tháng 01 năm 2024\n${body}\nTM. ỦY BAN NHÂN DÂNCHỦ TỊCH\nVũ Văn Sữ`,
    );
    expect(md.issuer).toBe("UBND thị trấn Như Quỳnh");
    expect(md.signer).toEqual({ name: "Vũ Văn Sữ", position: "CHỦ TỊCH", capacity: "TM" });
  });

  it("takes the lower of two OCR'd 'UBND' header lines (parent body above the issuer)", () => {
    const md = meta(`UBND HUYỆN VĂN LÂM\nUBND THỊ TRẤN NHƯ QUỲNH\nSố: 08/KH-UBND\n${body}`);
    expect(md.issuer).toBe("UBND thị trấn Như Quỳnh");
    expect(md.unit?.level).toBe("thi_tran");
  });

  it("reads the signature and recipients of a DOCX table row (recipients left, signature right)", () => {
    const md = meta(
      `${body}\nNơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\tCHỦ TỊCH\n- Phòng Nội vụ huyện;\n- Lưu: VT.\tNguyễn Văn An`,
    );
    expect(md.signer).toEqual({ name: "Nguyễn Văn An", position: "CHỦ TỊCH", capacity: "TM" });
    expect(md.recipients).toEqual(["Phòng Nội vụ huyện"]);
  });

  it("reads a header flattened onto one line by a legal site (noise 20a)", () => {
    const md = meta(
      "ỦY BAN NHÂN DÂN CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM TỈNH QUẢNG NGÃI Độc lập  Tự do  Hạnh phúc    Số: 673/QĐUBND Quảng Ngãi, ngày 30 tháng 8 năm 2019   QUYẾT ĐỊNH PHÊ DUYỆT ĐỀ ÁN “XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN  NGÀNH CẤP TỈNH” ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
    );
    expect(md.kind).toBe("QUYET_DINH");
    expect(md.number).toBe("673/QĐ-UBND");
    expect(md.place).toBe("Quảng Ngãi");
    expect(md.issuedOn).toBe("2019-08-30");
    expect(md.issuer).toBe("UBND tỉnh Quảng Ngãi");
    expect(md.title).toBe(
      "PHÊ DUYỆT ĐỀ ÁN “XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN NGÀNH CẤP TỈNH”",
    );
  });
});

describe("metadata: issuers, places and kind lines of other units and agencies", () => {
  const body =
    "Nội dung.\n\nNơi nhận:\n- UBND huyện;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An";

  it("never reads an issuer out of the number's symbol ('45/KH-UBND Tịnh Hà' is not 'UBND tỉnh Hà')", () => {
    const md = meta(
      `ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TỊNH HÀ Độc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND Tịnh Hà, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nCông tác dân vận năm 2024\n${body}`,
    );
    expect(md.issuer).toBe("UBND xã Tịnh Hà");
    expect(md.unit).toEqual({ name: "Tịnh Hà", level: "xa" });
  });

  it("makes an agency under its parent the issuer, on its own line or after the motto", () => {
    const own = meta(
      `UBND HUYỆN BA TƠ\nPHÒNG NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 35/PNV\nV/v đôn đốc tự chấm điểm\nBa Tơ, ngày 25 tháng 11 năm 2024\n\nKính gửi: UBND các xã, thị trấn.\n\n${body}`,
    );
    expect(own.issuer).toBe("Phòng Nội vụ huyện Ba Tơ");
    expect(own.unit).toEqual({ name: "Ba Tơ", level: "huyen" });
    expect(own.kind).toBe("CONG_VAN");
    const flat = meta(
      `UBND TỈNH NINH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc Số : 1857 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày 14 tháng11 năm 2024 V/v báo cáo kết quả năm 2024 Kính gửi: - Ủy ban nhân dân tỉnh Ninh Thuận; - Các đơn vị trực thuộc Sở. Thực hiện Kế hoạch của UBND tỉnh./.`,
    );
    expect(flat.issuer).toBe("Sở Giáo dục và Đào tạo tỉnh Ninh Thuận");
    expect(flat.number).toBe("1857/SGDĐT-VP");
    expect(flat.place).toBe("Phan Rang-Tháp Chàm");
    expect(flat.issuedOn).toBe("2024-11-14");
    expect(flat.title).toBe("báo cáo kết quả năm 2024");
    expect(flat.recipients).toEqual(["Ủy ban nhân dân tỉnh Ninh Thuận", "Các đơn vị trực thuộc Sở"]);
    // A name wrapped over two lines is no agency: "THÀNH PHỐ HẢI / PHÒNG".
    const wrapped = meta(
      `ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI\nPHÒNG\nSố: 12/KH-UBND\nKẾ HOẠCH\nCông tác năm 2024\n${body}`,
    );
    expect(wrapped.issuer).toBe("UBND thành phố Hải Phòng");
  });

  it("keeps a level word or a number in the place, and a dash in a name", () => {
    const hcm = meta(
      `ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 1045/KH-UBND\nThành phố Hồ Chí Minh, ngày 14 tháng 3 năm 2024\nKẾ HOẠCH\nCông tác năm 2024\n${body}`,
    );
    expect(hcm.place).toBe("Thành phố Hồ Chí Minh");
    expect(hcm.unit).toEqual({ name: "Hồ Chí Minh", level: "thanh_pho" });
    const ward = meta(
      `ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 12\nSố: 25/TB-UBND\nPhường 12, ngày 10 tháng 4 năm 2024\nTHÔNG BÁO\nLịch tiếp công dân năm 2024\n${body}`,
    );
    expect(ward.place).toBe("Phường 12");
    expect(ward.issuer).toBe("UBND phường 12");
    expect(ward.kind).toBe("THONG_BAO");
    const brvt = meta(
      `ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\nSố: 120/KH-UBND\nBà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nCông tác năm 2024\n${body}`,
    );
    expect(brvt.place).toBe("Bà Rịa - Vũng Tàu");
    expect(brvt.unit).toEqual({ name: "Bà Rịa - Vũng Tàu", level: "tinh" });
  });

  it("reads letter-spaced and joint kind lines, and never the 'QUYẾT ĐỊNH:' of the articles", () => {
    const spaced = meta(
      `UBND XÃ ĐỨC PHÚ\nSố: 12/KH-UBND\n\nK Ế H O Ạ C H\nThực hiện dân chủ ở cơ sở năm 2024\n${body}`,
    );
    expect(spaced.kind).toBe("KE_HOACH");
    expect(spaced.title).toBe("Thực hiện dân chủ ở cơ sở năm 2024");
    const joint = meta(
      `UBND XÃ NGHĨA ĐIỀN\nSố: 03/KHLT-UBND-MTTQ\n\nKẾ HOẠCH LIÊN TỊCH\nPhối hợp thực hiện công tác dân vận năm 2024\n${body}`,
    );
    expect(joint.kind).toBe("KE_HOACH");
    expect(joint.title).toBe("Phối hợp thực hiện công tác dân vận năm 2024");
    const flat = meta(
      "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 1350/QĐ-UBND Quảng Nam, ngày 17 tháng 5 năm 2024 QUYẾT ĐỊNH Ban hành Quy định tiêu chí chấm điểm ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy định.",
    );
    expect(flat.kind).toBe("QUYET_DINH");
    expect(flat.title).toBe("Ban hành Quy định tiêu chí chấm điểm");
  });

  it("goes on with a title line that starts with a figure, and reads a V/v inside a flattened DOCX cell", () => {
    const report = meta(
      `UBND PHƯỜNG HÒA CƯỜNG BẮC\nSố: /BC-UBND\n\nDỰ THẢO BÁO CÁO\nKết quả thực hiện quy chế dân chủ\n6 tháng đầu năm 2024\n\nThực hiện Kế hoạch số 15/KH-UBND ngày 22/01/2024 của UBND phường.\n${body}`,
    );
    expect(report.title).toBe("Kết quả thực hiện quy chế dân chủ 6 tháng đầu năm 2024");
    const cell = meta(
      "ỦY BAN NHÂN DÂN; XÃ HÀNH THIỆN; Số: 85/UBND-VP; V/v báo cáo kết quả tự chấm điểm năm 2024\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; Độc lập - Tự do - Hạnh phúc; Hành Thiện, ngày 10 tháng 12 năm 2024\n\nKính gửi: Phòng Nội vụ huyện Xuân Trường.\n\nNội dung.",
    );
    expect(cell.kind).toBe("CONG_VAN");
    expect(cell.title).toBe("báo cáo kết quả tự chấm điểm năm 2024");
    expect(cell.issuer).toBe("UBND xã Hành Thiện");
    expect(cell.number).toBe("85/UBND-VP");
  });

  it("stops a unit's name at the next cell of a table row", () => {
    const md = meta(
      `ỦY BAN NHÂN DÂN; XÃ NGHĨA ĐIỀN\tỦY BAN MTTQ VIỆT NAM; XÃ NGHĨA ĐIỀN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 03/KHLT-UBND-MTTQ\t\tNghĩa Điền, ngày 10 tháng 01 năm 2024\n\nKẾ HOẠCH LIÊN TỊCH\nPhối hợp năm 2024\n${body}`,
    );
    expect(md.issuer).toBe("UBND xã Nghĩa Điền");
  });
});

describe("metadata: signature and recipients sharing lines", () => {
  const head = "UBND XÃ TỊNH HÀ\nSố: 45/KH-UBND\nKẾ HOẠCH\nCông tác năm 2024\n\nNội dung.\n\n";

  it("reads recipients whose lines also hold the signature marks (columns aligned with spaces)", () => {
    const md = meta(
      `${head}Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- UBND quận Hải Châu; CHỦ TỊCH\n- Phòng Nội vụ quận;\n- Lưu: VT.\n\nLê Minh Tuấn`,
    );
    expect(md.recipients).toEqual(["UBND quận Hải Châu", "Phòng Nội vụ quận"]);
    expect(md.signer).toEqual({ name: "Lê Minh Tuấn", position: "CHỦ TỊCH", capacity: "TM" });
  });

  it("gives no signer when two bodies sign side by side (a joint plan): which one is unknown", () => {
    const md = meta(
      `${head}Nơi nhận: - UBND huyện; - Lưu: VT.\tTM. BAN THƯỜNG TRỰC; ỦY BAN MTTQ VIỆT NAM XÃ; CHỦ TỊCH; Nguyễn Thị Hồng\tTM. ỦY BAN NHÂN DÂN; CHỦ TỊCH; Trần Quốc Việt`,
    );
    expect(md.signer).toBeNull();
    expect(md.recipients).toEqual(["UBND huyện"]);
  });
});

describe("metadata: OCR noise", () => {
  it("reads an unaccented OCR header", () => {
    const md = meta(
      "UY BAN NHAN DAN\nXA BA VI\nSo: 12/KH-UBND\nBa Vi, ngay 05 thang 3 nam 2025\nKE HOACH\nTrien khai cong tac dan van chinh quyen nam 2025\n\nCan cu Quyet dinh so 1211/QD-UBND.",
    );
    expect(md.kind).toBe("KE_HOACH");
    expect(md.number).toBe("12/KH-UBND");
    expect(md.issuedOn).toBe("2025-03-05");
    expect(md.place).toBe("Ba Vi");
    expect(md.issuer).toBe("UBND xã Ba Vi");
    expect(md.unit).toEqual({ name: "Ba Vi", level: "xa" });
    expect(md.year).toBe(2025);
  });

  it("reads 'tính' for 'tỉnh', Ð (U+00D0) for Đ and a slash lost in the number", () => {
    const md = meta(
      "UBND TÍNH QUẢNG NINH\nSố: 06/2021QÐ-UBND\nQuảng Ninh, ngày 19 tháng 3 năm 2021\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    );
    expect(md.unit).toEqual({ name: "Quảng Ninh", level: "tinh" });
    expect(md.number).toBe("06/2021/QĐ-UBND");
    expect(md.kind).toBe("QUYET_DINH");
    expect(md.title).toBe("Về việc ban hành quy chế");
  });

  it("reads 'l' for '1' inside the number and the date", () => {
    const md = meta(
      "UBND HUYEN TU NGHIA\nCONG HOA XA HOI CHU NGHIA VIET NAM\nSo: l2 /TB-UBND\nTư Nghĩa, ngay 08 thang 4 nam 2024\n\nTHONG BAO\nKết luận của Chủ tịch UBND huyện năm 2024\n\nNội dung.",
    );
    expect(md.number).toBe("12/TB-UBND");
    expect(md.issuedOn).toBe("2024-04-08");
    expect(md.kind).toBe("THONG_BAO");
    expect(md.issuer).toBe("UBND huyện Tu Nghia");
    expect(meta("UBND XÃ A\nSố: 45/KH-UBND\nA Lưới, ngày l8/0l/2024\nKẾ HOẠCH\nCông tác").issuedOn).toBe(
      "2024-01-18",
    );
  });

  it("reads the kind from the number when the kind line is lost, and a công văn from a plain number", () => {
    expect(
      meta("Số: 12/KH-UBND\nBa Tơ, ngày 05 tháng 3 năm 2025\n\nThực hiện Kế hoạch số 40/KH-UBND.").kind,
    ).toBe("KE_HOACH");
    expect(meta("Số: 77/UBND-VP\nBa Tơ, ngày 05 tháng 3 năm 2025\n\nKính gửi: Phòng Nội vụ huyện").kind).toBe(
      "CONG_VAN",
    );
  });

  it("invents nothing from the garbled OCR excerpt", () => {
    const md = meta(`Số 70/KH-UBND

Cần Thơ, ngày 15 tháng 9 năm 2025

# KẾ HOẠCH Thực hiện công tác dân vận và đã thành phố Cần Thơ từ nay đến Thực hiện Luật Thực hiện dân d Luật sửa đổi, bổ sung một số đó Công đoàn, Luật Thanh niên và năm 2025 và Chỉ thị số 33/CT Chính phủ về tiếp tục tăng cườn chính nhà nước, chính quyền cácác

Ủy ban nhân dân thành phố Cần Thơ Hội dân vận và dân chủ ở cơ sở trên đó 2025, cụ thể như sau:

# I. MỤC ĐÍCH, YÊU CẦU`);
    expect(md.number).toBe("70/KH-UBND");
    expect(md.signer).toBeNull();
    expect(md.recipients).toEqual([]);
    expect(md.title).toBe("Thực hiện công tác dân vận và đã thành phố Cần Thơ từ nay đến");
    // The unit's name is the place the header gives, not the garbage after it ("Cần Thơ Hội").
    expect(md.unit).toEqual({ name: "Cần Thơ", level: "thanh_pho" });
  });

  it("returns nulls, not guesses, for text that is no official document", () => {
    const md = meta("Biên bản họp tổ dân phố.\nNội dung: bàn về vệ sinh môi trường.");
    expect(md).toMatchObject({
      kind: "OTHER",
      number: null,
      issuedOn: null,
      issuer: null,
      unit: null,
      signer: null,
    });
    expect(md.recipients).toEqual([]);
    expect(md.evidence).toEqual({});
  });

  it("turns a throw into a message and the fallback value", () => {
    const broken = { text: undefined as unknown as string, folded: "", pages: [], map: new Int32Array(1) };
    const run = metadataExtractor.run(broken);
    expect(run.value.kind).toBe("OTHER");
    expect(run.messages).toHaveLength(1);
    expect(run.messages[0]?.rule).toBe("metadata");
  });
});

describe("metadata: corpus end to end through the normaliser", () => {
  const read = (name: string) => {
    const raw = readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");
    return normaliseFile(buildRawText([{ page: 1, text: raw }])).documents;
  };
  const check = (doc: NormalisedDocument) => {
    const md = extractMetadata(doc);
    expectEvidenceHolds(doc, md);
    return md;
  };

  it("reads every core document", () => {
    const [ba] = read("000_e4db89253d0a1edd.txt").map(check);
    expect(ba).toMatchObject({ kind: "KE_HOACH", issuer: "UBND thị trấn Ba Tơ", year: 2025 });
    expect(ba?.signer?.name).toBe("Nguyễn Thị Mỹ Lệ");
    const [bv] = read("001_588ab9feba8899da.txt").map(check);
    expect(bv).toMatchObject({ number: null, issuedOn: null, place: "Ba Vì", issuer: "UBND xã Ba Vì" });
    expect(bv?.signer?.capacity).toBe("KT");
    const [nq] = read("002_90d18914c045a6d4.txt").map(check);
    expect(nq).toMatchObject({
      number: "08/KH-UBND",
      issuedOn: "2024-01-11",
      issuer: "UBND thị trấn Như Quỳnh",
    });
    expect(nq?.signer?.name).toBe("Vũ Văn Sữ");
    const pm = read("004_bde61b360d837a63.txt").map(check)[0];
    expect(pm).toMatchObject({ issuer: "UBND phường Phổ Minh", year: 2024 });
    expect(pm?.signer?.name).toBe("Lê Duy Bảo");
  });

  it("reads both documents of 003 once the file is split", () => {
    const docs = read("003_6cafff568a66f664.txt").map(check);
    const cv = docs.find((d) => d.kind === "CONG_VAN");
    const kh = docs.find((d) => d.kind === "KE_HOACH");
    expect(cv).toMatchObject({ number: "560/UBND", issuedOn: "2022-03-28", place: "Đức Phổ" });
    expect(cv?.signer).toEqual({ name: "Nguyễn Viết Thanh", position: "CHÁNH VĂN PHÒNG", capacity: "TL" });
    expect(kh).toMatchObject({
      number: "53/KH-UBND",
      issuedOn: "2022-03-23",
      issuer: "UBND tỉnh Quảng Ngãi",
    });
  });

  it("reads the more/ documents", () => {
    expect(read("more/bacninh_141-KH-UBND_2025_plan.md").map(check)[0]).toMatchObject({
      number: "141/KH-UBND",
      issuer: "UBND tỉnh Bắc Ninh",
    });
    expect(read("more/cantho_2579-QD-UBND_2025_rubric.md").map(check)[0]).toMatchObject({
      kind: "QUYET_DINH",
      number: "2579/QĐ-UBND",
      issuer: "UBND thành phố Cần Thơ",
    });
    expect(read("more/laichau_7360-KH-UBND_2025_plan.md").map(check)[0]).toMatchObject({
      number: "7360/KH-UBND",
      issuedOn: "2025-11-19",
    });
    const garbled = read("more/ocr_garbled_excerpt.txt").map(check)[0];
    expect(garbled?.signer).toBeNull();
    expect(garbled?.recipients).toEqual([]);
  });
});
