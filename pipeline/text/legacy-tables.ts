/*
 * Code tables of the two pre-Unicode Vietnamese encodings still found in old government files, as
 * the characters their bytes turn into when read as Latin-1 / Windows-1252 (which is what a PDF
 * text layer, a Word document typed in such a font, or a byte file read as Latin-1 gives).
 *
 * Sources, checked against each other: UniKey's VnConv tables (ukengine/data.cpp: the "TCVN3"
 * single-byte table and the "VNI-WIN" double-byte table), the X-TrueType TCVN 5712 table (its
 * lower-case half is the same as TCVN3's), and xvnkb's VNI table (vni.h).
 *
 * Every row lists one vowel in the order level, sắc, huyền, hỏi, ngã, nặng.
 */

/** The twelve Vietnamese vowels with their six tones, lower case, in Unicode (NFC). */
export const VOWEL_ROWS = [
  "aáàảãạ",
  "âấầẩẫậ",
  "ăắằẳẵặ",
  "eéèẻẽẹ",
  "êếềểễệ",
  "iíìỉĩị",
  "oóòỏõọ",
  "ôốồổỗộ",
  "ơớờởỡợ",
  "uúùủũụ",
  "ưứừửữự",
  "yýỳỷỹỵ",
] as const;

/**
 * TCVN3 (TCVN 5712:1993 VN3, the ".VnTime" ABC fonts), the same rows as {@link VOWEL_ROWS}.
 * "ư" is byte 0xAD, the soft hyphen. VN3 has no code for a toned capital: headings were typed in
 * the upper-case fonts (".VnTimeH"), whose bytes are those of the lower-case letters.
 */
export const TCVN3_VOWEL_ROWS = [
  "a\u00b8\u00b5\u00b6\u00b7\u00b9", // a ¸ µ ¶ · ¹
  "\u00a9\u00ca\u00c7\u00c8\u00c9\u00cb", // © Ê Ç È É Ë
  "\u00a8\u00be\u00bb\u00bc\u00bd\u00c6", // ¨ ¾ » ¼ ½ Æ
  "e\u00d0\u00cc\u00ce\u00cf\u00d1", // e Ð Ì Î Ï Ñ
  "\u00aa\u00d5\u00d2\u00d3\u00d4\u00d6", // ª Õ Ò Ó Ô Ö
  "i\u00dd\u00d7\u00d8\u00dc\u00de", // i Ý × Ø Ü Þ
  "o\u00e3\u00df\u00e1\u00e2\u00e4", // o ã ß á â ä
  "\u00ab\u00e8\u00e5\u00e6\u00e7\u00e9", // « è å æ ç é
  "\u00ac\u00ed\u00ea\u00eb\u00ec\u00ee", // ¬ í ê ë ì î
  "u\u00f3\u00ef\u00f1\u00f2\u00f4", // u ó ï ñ ò ô
  "\u00ad\u00f8\u00f5\u00f6\u00f7\u00f9", // (soft hyphen) ø õ ö ÷ ù
  "y\u00fd\u00fa\u00fb\u00fc\u00fe", // y ý ú û ü þ
] as const;

/** TCVN3 codes of the few capitals VN3 has, and of "đ". */
export const TCVN3_OTHER_LETTERS: Readonly<Record<string, string>> = {
  "\u00a1": "Ă",
  "\u00a2": "Â",
  "\u00a3": "Ê",
  "\u00a4": "Ô",
  "\u00a5": "Ơ",
  "\u00a6": "Ư",
  "\u00a7": "Đ",
  "\u00ae": "đ",
};

/**
 * What PDF text extraction makes of some TCVN3 bytes: pdf.js turns the micro sign "µ" (à) into
 * the Greek "μ". (A standard-encoded font also draws byte 0xAD, "ư", as the hyphen "-"; that one
 * is ambiguous and is decided word by word in legacy-encoding.ts.)
 */
export const TCVN3_EXTRACTION_ALIASES: Readonly<Record<string, string>> = { "\u03bc": "à" };

/**
 * VNI-Windows marks typed after a base vowel, lower case, in the order sắc, huyền, hỏi, ngã,
 * nặng. A capital takes the mark's Latin-1 capital ("AÙ" = "Á"). The hat of â/ê/ô is "â" (with a
 * tone, one byte carries both: "aá" = "ấ"), the breve of ă is "ê" ("aé" = "ắ"); ơ and ư are the
 * single letters "ô" and "ö" followed by the plain tone marks ("ôù" = "ớ").
 */
export const VNI_TONE_MARKS = "\u00f9\u00f8\u00fb\u00f5\u00ef"; // ù ø û õ ï
/** Marks of the hat vowels â ê ô: hat alone, then hat with each tone (sắc, huyền, hỏi, ngã, nặng). */
export const VNI_HAT_MARKS = "\u00e2\u00e1\u00e0\u00e5\u00e3\u00e4"; // â á à å ã ä
/** Marks of the breve vowel ă: breve alone, then breve with each tone. */
export const VNI_BREVE_MARKS = "\u00ea\u00e9\u00e8\u00fa\u00fc\u00eb"; // ê é è ú ü ë

/** VNI-Windows letters of one byte: i with each tone ("i í ì æ ó ò"), ỵ, ơ, ư and đ (capitals: Latin-1 capitals). */
export const VNI_I_ROW = "i\u00ed\u00ec\u00e6\u00f3\u00f2"; // i í ì æ ó ò
export const VNI_Y_DOT = "\u00ee"; // î = ỵ
export const VNI_O_HORN = "\u00f4"; // ô = ơ
export const VNI_U_HORN = "\u00f6"; // ö = ư
export const VNI_D_BAR = "\u00f1"; // ñ = đ
