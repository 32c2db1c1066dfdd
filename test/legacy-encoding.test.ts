import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeVni } from "../pipeline/text/legacy-codec.js";
import {
  convertLegacy,
  mapSpan,
  tcvn3ToUnicode,
  unicodeToTcvn3,
  unicodeToVni,
  vniToUnicode,
} from "../pipeline/text/legacy-encoding.js";

const CORPUS = join(import.meta.dirname, "..", "fixtures", "corpus");
const corpusTexts = readdirSync(CORPUS)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => readFileSync(join(CORPUS, name), "utf8"));
/** Page-sized pieces of the corpus: conversion is decided page by page. */
const corpusPages = corpusTexts.flatMap((text) =>
  Array.from({ length: Math.ceil(text.length / 2500) }, (_, i) => text.slice(i * 2500, (i + 1) * 2500)),
);

/**
 * TCVN3 codes of the lower-case letters, copied from the lower-case half of the X-TrueType TCVN
 * 5712 table (byte → Unicode, both in hex), a different source from the one the code was written
 * from (UniKey's VnConv), in a different form.
 */
const TCVN3_PUBLISHED: Array<[number, number]> = [
  [0xa8, 0x103],
  [0xa9, 0xe2],
  [0xaa, 0xea],
  [0xab, 0xf4],
  [0xac, 0x1a1],
  [0xad, 0x1b0],
  [0xae, 0x111],
  [0xb5, 0xe0],
  [0xb6, 0x1ea3],
  [0xb7, 0xe3],
  [0xb8, 0xe1],
  [0xb9, 0x1ea1],
  [0xbb, 0x1eb1],
  [0xbc, 0x1eb3],
  [0xbd, 0x1eb5],
  [0xbe, 0x1eaf],
  [0xc6, 0x1eb7],
  [0xc7, 0x1ea7],
  [0xc8, 0x1ea9],
  [0xc9, 0x1eab],
  [0xca, 0x1ea5],
  [0xcb, 0x1ead],
  [0xcc, 0xe8],
  [0xce, 0x1ebb],
  [0xcf, 0x1ebd],
  [0xd0, 0xe9],
  [0xd1, 0x1eb9],
  [0xd2, 0x1ec1],
  [0xd3, 0x1ec3],
  [0xd4, 0x1ec5],
  [0xd5, 0x1ebf],
  [0xd6, 0x1ec7],
  [0xd7, 0xec],
  [0xd8, 0x1ec9],
  [0xdc, 0x129],
  [0xdd, 0xed],
  [0xde, 0x1ecb],
  [0xdf, 0xf2],
  [0xe1, 0x1ecf],
  [0xe2, 0xf5],
  [0xe3, 0xf3],
  [0xe4, 0x1ecd],
  [0xe5, 0x1ed3],
  [0xe6, 0x1ed5],
  [0xe7, 0x1ed7],
  [0xe8, 0x1ed1],
  [0xe9, 0x1ed9],
  [0xea, 0x1edd],
  [0xeb, 0x1edf],
  [0xec, 0x1ee1],
  [0xed, 0x1edb],
  [0xee, 0x1ee3],
  [0xef, 0xf9],
  [0xf1, 0x1ee7],
  [0xf2, 0x169],
  [0xf3, 0xfa],
  [0xf4, 0x1ee5],
  [0xf5, 0x1eeb],
  [0xf6, 0x1eed],
  [0xf7, 0x1eef],
  [0xf8, 0x1ee9],
  [0xf9, 0x1ef1],
  [0xfa, 0x1ef3],
  [0xfb, 0x1ef7],
  [0xfc, 0x1ef9],
  [0xfd, 0xfd],
  [0xfe, 0x1ef5],
];
/** The seven capitals TCVN3 (VN3) has: Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7 (UniKey's TCVN3 table). */
const TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ";

/** Every Vietnamese vowel with every tone, lower case (rows: level, sắc, huyền, hỏi, ngã, nặng). */
const VOWELS = "aáàảãạ âấầẩẫậ ăắằẳẵặ eéèẻẽẹ êếềểễệ iíìỉĩị oóòỏõọ ôốồổỗộ ơớờởỡợ uúùủũụ ưứừửữự yýỳỷỹỵ";
/** VNI-Windows spellings of the same letters, in capitals, as xvnkb's vni.h lists them. */
const VNI_PUBLISHED =
  "A AÙ AØ AÛ AÕ AÏ AÂ AÁ AÀ AÅ AÃ AÄ AÊ AÉ AÈ AÚ AÜ AË E EÙ EØ EÛ EÕ EÏ EÂ EÁ EÀ EÅ EÃ EÄ " +
  "I Í Ì Æ Ó Ò O OÙ OØ OÛ OÕ OÏ OÂ OÁ OÀ OÅ OÃ OÄ Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ U UÙ UØ UÛ UÕ UÏ Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ " +
  "Y YÙ YØ YÛ YÕ Î";
const VNI_ORDER = "aáàảãạ âấầẩẫậ ăắằẳẵặ eéèẻẽẹ êếềểễệ iíìỉĩị oóòỏõọ ôốồổỗộ ơớờởỡợ uúùủũụ ưứừửữự yýỳỷỹỵ";

describe("TCVN3 table", () => {
  it("reads every published code as its letter, and spells every letter with it", () => {
    for (const [code, letter] of TCVN3_PUBLISHED) {
      const byte = String.fromCharCode(code);
      expect(tcvn3ToUnicode(byte)).toBe(String.fromCodePoint(letter));
      expect(unicodeToTcvn3(String.fromCodePoint(letter))).toBe(byte);
    }
    [...TCVN3_CAPITALS].forEach((capital, i) => {
      expect(tcvn3ToUnicode(String.fromCharCode(0xa1 + i))).toBe(capital);
    });
  });

  it("round-trips every letter with every tone; toned capitals, absent from VN3, come back small", () => {
    for (const letter of [...VOWELS.replaceAll(" ", ""), "đ"]) {
      expect(tcvn3ToUnicode(unicodeToTcvn3(letter))).toBe(letter);
      const capital = letter.toUpperCase();
      const hasCode = /[A-Z]/.test(capital) || TCVN3_CAPITALS.includes(capital);
      expect(tcvn3ToUnicode(unicodeToTcvn3(capital))).toBe(hasCode ? capital : letter);
    }
  });

  it("reads the national motto, and pdf.js's Greek mu for the micro sign (à)", () => {
    expect(tcvn3ToUnicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam - §éc lËp - Tù do - H¹nh phóc")).toBe(
      "Cộng hoà xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc",
    );
    expect(tcvn3ToUnicode("ngμy")).toBe("ngày");
  });
});

describe("VNI-Windows table", () => {
  const spellings = VNI_PUBLISHED.split(" ");
  const letters = [...VNI_ORDER.replaceAll(" ", "")];

  it("reads and writes every letter with every tone in both cases as published", () => {
    expect(spellings).toHaveLength(letters.length);
    letters.forEach((letter, i) => {
      const capital = spellings[i] ?? "";
      const small = capital.toLowerCase();
      expect(vniToUnicode(capital)).toBe(letter.toUpperCase());
      expect(vniToUnicode(small)).toBe(letter);
      expect(unicodeToVni(letter.toUpperCase())).toBe(capital);
      expect(unicodeToVni(letter)).toBe(small);
    });
    expect([vniToUnicode("Ñ"), vniToUnicode("ñ"), unicodeToVni("Đđ")]).toEqual(["Đ", "đ", "Ññ"]);
  });

  it("reads a capital with a small mark (Word's All caps) in the capital's case", () => {
    expect(vniToUnicode("Aù Eâ oÙ")).toBe("Á Ê ó");
  });

  it("reads the motto and maps offsets through letters that shrink from two characters to one", () => {
    const vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam";
    expect(vniToUnicode(vni)).toBe("Cộng hòa xã hội chủ nghĩa Việt Nam");
    const { text, offsets } = decodeVni(vni);
    const at = vni.indexOf("Vieät");
    expect(text.slice(mapSpan(offsets, { start: at, end: at + 5 }).start).startsWith("Việt")).toBe(true);
    expect(mapSpan(offsets, { start: at, end: at + 5 })).toEqual({
      start: text.indexOf("Việt"),
      end: text.indexOf("Việt") + 4,
    });
  });
});

describe("round trips over the corpus", () => {
  it("VNI gives every corpus text back exactly, TCVN3 up to the case of toned capitals", () => {
    for (const text of corpusTexts) {
      expect(vniToUnicode(unicodeToVni(text))).toBe(text.normalize("NFC"));
      expect(tcvn3ToUnicode(unicodeToTcvn3(text)).toLowerCase()).toBe(text.normalize("NFC").toLowerCase());
    }
  });
});

describe("convertLegacy: converts legacy text, leaves everything else alone", () => {
  it("never touches a page of Unicode Vietnamese (the whole corpus)", () => {
    for (const page of corpusPages) expect(convertLegacy(page)).toMatchObject({ text: page, encoding: null });
  });

  it("never touches English, other languages with Latin-1 letters, numbers or symbols", () => {
    const samples = [
      "The committee approved the 2025 plan; see annex B (pp. 12–14) for the budget.",
      "Le café est très bon; où est la gare? Noël à Paris, été 2024, déjà vu, crème brûlée.",
      "Für die Prüfung müssen Sie größere Änderungen vorschlagen; Straße, Übung, schön.",
      "El año pasado, el niño comió piña en España; ¿dónde está la señora? Sí, aquí.",
      "În anul întâi, ştiinţa şi învăţământul au fost prioritare pentru România.",
      "1.234,5 ± 0,2; 3 × 4 = 12; ½ + ¼ = ¾; 25 °C; 5 µm; § 3; © 2024; «quoted» ¶ 2.",
    ];
    for (const text of samples) expect(convertLegacy(text).encoding).toBeNull();
  });

  it("leaves legacy-looking symbols inside a Unicode page alone", () => {
    const page = "Kế hoạch «Chuyển đổi số» của xã: độ dày 5 µm, nhiệt độ 25 °C, tỷ lệ ½, § 3 Điều 6.";
    expect(convertLegacy(page).text).toBe(page);
  });

  it("converts every corpus page spelled in TCVN3 (up to capitals) or VNI (exactly)", () => {
    for (const page of corpusPages) {
      const tcvn3 = convertLegacy(unicodeToTcvn3(page));
      expect(tcvn3.encoding).toBe("tcvn3");
      expect(tcvn3.text.toLowerCase()).toBe(page.normalize("NFC").toLowerCase());
      const vni = convertLegacy(unicodeToVni(page));
      expect(vni.encoding).toBe("vni");
      expect(vni.text).toBe(page.normalize("NFC"));
    }
  });

  it("on a page mixing Unicode and legacy lines, converts only the legacy runs", () => {
    const unicode = [
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
      "Xét đề nghị của Trưởng phòng Nội vụ huyện.",
    ];
    const legacy = [
      "Uû ban nh©n d©n x· Ba V× ban hµnh kÕ ho¹ch d©n vËn chÝnh quyÒn",
      "§éc lËp - Tù do - H¹nh phóc",
    ];
    const page = [unicode[0], legacy[0], unicode[1], legacy[1]].join("\n");
    const result = convertLegacy(page);
    expect(result).toMatchObject({ encoding: "tcvn3", partial: true });
    expect(result.text.split("\n")).toEqual([
      unicode[0],
      "Uỷ ban nhân dân xã Ba Vì ban hành kế hoạch dân vận chính quyền",
      unicode[1],
      "Độc lập - Tự do - Hạnh phúc",
    ]);
  });

  it("reads a hyphen inside a TCVN3 word as the 'ư' a PDF font drew as one, not in an abbreviation", () => {
    const page = "Sè 53/KH-UBND: tr-êng häc, n-íc s¹ch, ng-êi d©n nh- vËy; T- ph¸p; 53/KH-\nkinh tÕ - x· héi";
    expect(convertLegacy(page).text).toBe(
      "Số 53/KH-UBND: trường học, nước sạch, người dân như vậy; Tư pháp; 53/KH-\nkinh tế - xã hội",
    );
  });

  it("puts back the 'ư' a PDF dropped, only on a TCVN3 page that has none left", () => {
    const page = corpusPages.find((p) => p.includes("nước") && p.includes("phương")) ?? "";
    const dropped = convertLegacy(unicodeToTcvn3(page).replaceAll("\u00ad", ""));
    expect(dropped.restoredU).toBeGreaterThan(5);
    expect(dropped.text).toContain("nước");
    expect(dropped.text).toContain("phương");
    const kept = convertLegacy(unicodeToTcvn3(page));
    expect(kept.restoredU).toBe(0);
  });

  it("gives offsets that follow a VNI page's shrinking letters", () => {
    const page = "Ngaøy 10/01/2025, UBND xaõ Ba Vì ban haønh keá hoaïch soá 15/KH-UBND.";
    const result = convertLegacy(page);
    expect(result.text).toBe("Ngày 10/01/2025, UBND xã Ba Vì ban hành kế hoạch số 15/KH-UBND.");
    const at = page.indexOf("15/KH-UBND");
    const span = mapSpan(result.offsets, { start: at, end: at + 10 });
    expect(result.text.slice(span.start, span.end)).toBe("15/KH-UBND");
  });
});
