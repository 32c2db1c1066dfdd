import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fold } from "../pipeline/text/fold.js";
import { normaliseVi } from "../pipeline/text/normalise-vi.js";
import { buildRawText } from "../pipeline/text/raw-text.js";
import { findDocumentStarts, splitDocuments } from "../pipeline/text/split-documents.js";

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), "utf8");

function split(raw: string) {
  const rawText = buildRawText([{ page: 1, text: raw }]);
  const { text, map } = normaliseVi(rawText.text);
  return { rawText, documents: splitDocuments(text, map, rawText.pages) };
}

/** Strips Vietnamese marks the way OCR without the Vietnamese model would ("Cộng hòa" → "Cong hoa"). */
const unaccent = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

describe("splitDocuments on 003 (a công văn forwarding a KẾ HOẠCH)", () => {
  const raw = corpus("003_6cafff568a66f664.txt");
  const { documents } = split(raw);

  it("gives two documents with the right starts and ends", () => {
    expect(documents).toHaveLength(2);
    const [letter, plan] = documents as [(typeof documents)[0], (typeof documents)[0]];
    expect(letter.text).toMatch(/^ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỐ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(letter.text).toContain("Số: 560 /UBND");
    expect(letter.text).toMatch(/TL\. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Viết Thanh\nNguyễn Viết Thanh$/);
    expect(plan.text).toMatch(/^ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/);
    expect(plan.text).toContain("Số: 53 /KH-UBND");
    expect(plan.text).not.toContain("Số: 560");
    expect(plan.text).toMatch(/Lưu: VT, NCvi156\.\n\nĐặng Văn Minh$/);
  });

  it("gives each document its own offsets, folded view and map into the file's raw text", () => {
    for (const doc of documents) {
      expect(doc.folded).toBe(fold(doc.text));
      expect(doc.map.length).toBe(doc.text.length + 1);
      expect(doc.pages).toEqual([{ page: 1, start: 0, end: doc.text.length }]);
    }
    const plan = documents[1];
    expect(raw.slice(plan?.map[0], plan?.map[31])).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI");
    const at = plan?.text.indexOf("Số: 53 /KH-UBND") ?? -1;
    expect(raw.slice(plan?.map[at], plan?.map[at + 15])).toBe("Số: 53 /KH-UBND");
  });

  it("splits the same way when the text has no diacritics (folded matching)", () => {
    const { documents: plain } = split(unaccent(raw));
    expect(plain).toHaveLength(2);
    expect(plain[1]?.text).toMatch(/^UY BAN NHAN DAN TINH QUANG NGAI\nCONG HOA XA HOI CHU NGHIA VIET NAM/);
  });

  it("puts each document on its own pages when the file has several", () => {
    const lines = raw.split("\n");
    const cut = lines.findIndex((l) => l.startsWith("ỦY BAN NHÂN DÂN TỈNH"));
    const pages = buildRawText([
      { page: 1, text: lines.slice(0, cut).join("\n") },
      { page: 2, text: lines.slice(cut, cut + 40).join("\n") },
      { page: 3, text: lines.slice(cut + 40).join("\n") },
    ]);
    const { text, map } = normaliseVi(pages.text);
    const docs = splitDocuments(text, map, pages.pages);
    expect(docs.map((d) => d.pages.map((p) => p.page))).toEqual([[1], [2, 3]]);
    const plan = docs[1];
    expect(plan?.pages[0]?.start).toBe(0);
    expect(plan?.pages[1]?.end).toBe(plan?.text.length);
    expect(plan?.pages[0]?.end).toBe(plan?.pages[1]?.start);
  });
});

describe("splitDocuments never splits a single document", () => {
  it.each([
    "000_e4db89253d0a1edd.txt",
    "001_588ab9feba8899da.txt",
    "002_90d18914c045a6d4.txt",
    "004_bde61b360d837a63.txt",
    "more/bacninh_141-KH-UBND_2025_plan.md",
    "more/cantho_2579-QD-UBND_2025_rubric.md",
    "more/laichau_7360-KH-UBND_2025_plan.md",
  ])("%s stays one document", (name) => {
    const { documents } = split(corpus(name));
    expect(documents).toHaveLength(1);
    expect(documents[0]?.pages).toEqual([{ page: 1, start: 0, end: documents[0]?.text.length }]);
  });

  it("does not split at a motto quoted in a sentence after the recipients", () => {
    const text = [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 12/KH-UBND",
      "Nơi nhận:",
      "- Lưu: VT.",
      "Phụ lục: Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013, Số: 01",
    ].join("\n");
    expect(findDocumentStarts(text)).toEqual([]);
  });

  it("does not split at a second header when the first document has not ended", () => {
    const text = [
      "ỦY BAN NHÂN DÂN XÃ A",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 12/KH-UBND",
      "Mẫu báo cáo gửi kèm:",
      "ỦY BAN NHÂN DÂN XÃ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: …/BC-UBND",
    ].join("\n");
    expect(findDocumentStarts(text)).toEqual([]);
  });

  it("gives no document for an empty text", () => {
    expect(splitDocuments("", new Int32Array([0]), [{ page: 1, start: 0, end: 0 }])).toEqual([]);
  });
});

describe("findDocumentStarts with the issuing body's name wrapped over two lines (typed PDF of 003)", () => {
  it("starts the second document at the issuer, not at the motto", () => {
    const text = [
      "Yêu cầu Cơ quan Tổ chức - Nội vụ khẩn trương triển khai thực hiện./.",
      "Nơi nhận:",
      "- Lưu VT.",
      "TL. CHỦ TỊCH",
      "Nguyễn Viết Thanh",
      "",
      "ỦY BAN NHÂN DÂN TỈNH",
      "QUẢNG NGÃI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 53 /KH-UBND",
      "KẾ HOẠCH",
    ].join("\n");
    const starts = findDocumentStarts(text);
    expect(starts).toHaveLength(1);
    expect(text.slice(starts[0])).toMatch(/^ỦY BAN NHÂN DÂN TỈNH\nQUẢNG NGÃI\nCỘNG HÒA/);
  });
});
